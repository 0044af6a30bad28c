import { isTerminalStatus, RUN_STATUSES, type EvaluationSummary, type NodeClient } from '@df/node';
import type { Context } from '../../../context';
import { newestFirst } from '../../../evaluations/newestFirst';
import { scoreText } from '../../../evaluations/scoreText';
import { EXIT } from '../../../exitCodes';
import { bytes, counted, money, printFields, printJson, raw, relativeTime, statusText } from '../../../format';
import { wrapText } from '../../../wrapText';
import { RUN_DETAIL_FIELDS, runDetailFields } from '../../../runs/runFields';
import { resolveRunId } from '../../../runs/resolveRunId';
import { type Session, withSession } from '../../../session';
import type { GetOptions } from './flags';

/** Fields `--json` offers for `runs get`: the run's, then its latest evaluation (id, status, score). */
const GET_FIELDS = [...RUN_DETAIL_FIELDS, 'latest_evaluation'];

/** The run's newest evaluation and how many it has; none when it has none, or when the server has no such list (404). */
async function latestEvaluation(
  s: Session,
  client: NodeClient,
  runId: string,
): Promise<{ latest: EvaluationSummary; count: number } | undefined> {
  try {
    const evaluations = [...(await client.runs.evaluations(runId, s.call()))].sort(newestFirst);
    const [latest] = evaluations;
    return latest && { latest, count: evaluations.length };
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    s.io.info(`note: the run's evaluations could not be read: ${s.io.redact((error as Error).message)}`);
    return undefined;
  }
}

/** `runs get ID`: one run; key/value lines when piped, a readable block on a terminal. */
export function run(ctx: Context, options: GetOptions, arg: string): Promise<number> {
  return withSession(ctx, options, async (s) => {
    const { io } = s;
    if (options.json === true) printJson(io, {}, true, GET_FIELDS);
    const client = await s.client();
    const run = await client.runs.retrieve(await resolveRunId(s, client, arg), s.call());
    // One more request, made only when the evaluation is shown.
    const wanted = typeof options.json !== 'string' || options.json.split(',').some((field) => field.trim() === 'latest_evaluation');
    const evaluated = wanted ? await latestEvaluation(s, client, run.id) : undefined;
    const latest = evaluated && {
      id: evaluated.latest.id,
      status: evaluated.latest.status,
      conformance_score: evaluated.latest.conformance_score ?? null,
    };
    if (options.json !== undefined) {
      printJson(io, { ...runDetailFields(run), latest_evaluation: latest ?? null }, options.json, GET_FIELDS);
      return EXIT.OK;
    }
    const requested = run.runtime_params?.number_of_samples;
    const model = run.runtime_params?.generation_model;
    const files = run.generated_files ?? [];
    if (!io.outTty) {
      // Scripts get one exact value per key.
      const values: Array<[string, unknown]> = [
        ['id', run.id],
        ['status', run.status],
        ['spec_id', run.spec_id],
        ['spec_name', run.spec_name],
        ['spec_version', run.spec_version],
        ['samples_completed', run.samples_completed],
        ['samples_failed', run.samples_failed],
        ['number_of_samples', requested],
        ['total_cost', run.total_cost],
        ['generation_model', model],
        ['dataset_name', run.dataset_name],
        ['created_at', run.created_at],
        ['created_by_email', run.created_by_email],
        ['completed_at', run.completed_at],
        ['generated_files', files.map((f) => f.path ?? f.id).join(',')],
        ['latest_evaluation', latest],
      ];
      printFields(
        io,
        values.map(([key, value]) => [key, '', raw(value)]),
      );
      return EXIT.OK;
    }
    const now = ctx.clock.now();
    const documented = (RUN_STATUSES as readonly string[]).includes(run.status);
    const human: Array<[string, string]> = [
      ['ID', run.id],
      [
        'Status',
        `${statusText(io.out, run.status)}${documented ? '' : io.out.dim(` (not a documented status; ${isTerminalStatus(run.status) ? 'finished' : 'treated as not finished'})`)}`,
      ],
      ['Spec', `${run.spec_name ?? '-'} (${run.spec_id ?? '-'}, version ${run.spec_version ?? '-'})`],
      ['Progress', `${run.samples_completed ?? 0}${requested ? `/${requested}` : ''} completed, ${run.samples_failed ?? 0} failed`],
      ['Cost', money(run.total_cost)],
      ['Model', model ?? '-'],
      ['Dataset', run.dataset_name ?? '-'],
      [
        'Created',
        run.created_at
          ? `${relativeTime(run.created_at, now)} (${run.created_at}${run.created_by_email ? ` by ${run.created_by_email}` : ''})`
          : '-',
      ],
      ['Completed', run.completed_at ? `${relativeTime(run.completed_at, now)} (${run.completed_at})` : '-'],
      ['Files', files.length === 0 ? '-' : files.map((f) => `${f.path ?? f.id} (${bytes(f.size_bytes ?? 0)})`).join(', ')],
    ];
    if (evaluated) {
      const { latest: e, count } = evaluated;
      const score = typeof e.conformance_score === 'number' ? `, score ${scoreText(e.conformance_score)}/100` : '';
      const more = count > 1 ? ` (the latest of ${counted(count, 'evaluation')})` : '';
      // The value starts after the padded keys; a narrow terminal breaks it between words, never inside the id.
      const indent = ' '.repeat(Math.max(...human.map(([key]) => key.length), 'Evaluation'.length) + 2);
      human.push(['Evaluation', wrapText(`${indent}${e.id} ${statusText(io.out, e.status)}${score}${more}`, io.columns()).trimStart()]);
    }
    printFields(
      io,
      human.map(([key, value]) => [key, value, '']),
    );
    return EXIT.OK;
  });
}
