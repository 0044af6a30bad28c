import type { Context } from '../../../context';
import { EVALUATION_SUMMARY_FIELDS } from '../../../evaluations/evaluationFields';
import { newestFirst } from '../../../evaluations/newestFirst';
import { scoreText } from '../../../evaluations/scoreText';
import { EXIT } from '../../../exitCodes';
import { printJson, printTable, raw, relativeTime, statusText } from '../../../format';
import { resolveRunId } from '../../../runs/resolveRunId';
import { withSession } from '../../../session';
import type { ListOptions } from './flags';

/** `evaluations list RUN_ID`: the run's evaluations, newest first, with their whole ids (no prefix of one is taken back). */
export function run(ctx: Context, options: ListOptions, arg: string): Promise<number> {
  return withSession(ctx, options, async (s) => {
    const { io } = s;
    if (options.json === true) printJson(io, [], true, EVALUATION_SUMMARY_FIELDS);
    const client = await s.client();
    const runId = await resolveRunId(s, client, arg);
    const evaluations = [...(await client.runs.evaluations(runId, s.call()))].sort(newestFirst);
    if (options.json !== undefined) {
      printJson(io, evaluations, options.json, EVALUATION_SUMMARY_FIELDS);
      return EXIT.OK;
    }
    if (evaluations.length === 0) {
      io.info(`Run ${runId} has no evaluations; start one with: dataframer runs evaluate ${runId}`);
      return EXIT.OK;
    }
    const now = ctx.clock.now();
    await printTable(
      io,
      // The id is what a user copies (whole: no prefix of it is taken back); the times go first when room runs out.
      [
        { header: 'ID', keep: true },
        { header: 'SCORE', keep: true },
        { header: 'STATUS', keep: true },
        { header: 'CREATED', optional: true },
        { header: 'COMPLETED', optional: true },
      ],
      evaluations.map((e) => [
        e.id,
        scoreText(e.conformance_score),
        statusText(io.out, e.status),
        relativeTime(e.created_at, now),
        relativeTime(e.completed_at, now),
      ]),
      evaluations.map((e) => [e.id, raw(e.conformance_score), e.status, raw(e.created_at), raw(e.completed_at)]),
    );
    return EXIT.OK;
  });
}
