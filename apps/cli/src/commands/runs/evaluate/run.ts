import { isTerminalStatus } from '@df/node';
import type { Context } from '../../../context';
import { CliError } from '../../../errors';
import { EXIT } from '../../../exitCodes';
import { followEvaluation } from '../../../evaluations/followEvaluation';
import { startEvaluation } from '../../../evaluations/startEvaluation';
import { resolveRunId } from '../../../runs/resolveRunId';
import { withSession } from '../../../session';
import type { EvaluateOptions } from './flags';

/** `runs evaluate ID`: starts an evaluation of a SUCCEEDED run, prints its id; `--wait` and `--min-score` wait for the score. */
export function run(ctx: Context, options: EvaluateOptions, arg: string): Promise<number> {
  return withSession(ctx, options, async (s) => {
    const client = await s.client();
    const runId = await resolveRunId(s, client, arg);
    // Asked first, so a run that cannot be evaluated is named with what to do, in the CLI's words.
    const { status } = await client.runs.retrieve(runId, s.call());
    if (status !== 'SUCCEEDED') {
      const next = isTerminalStatus(status) ? 'start a new run' : `wait for it with: dataframer runs watch ${runId}`;
      throw new CliError(`run ${runId} is ${status}; only a SUCCEEDED run can be evaluated (${next})`);
    }
    const evaluation = await startEvaluation(s, client, runId, options.model);
    s.io.print(`${evaluation.id}\n`);
    if (!options.wait && options.minScore === undefined) return EXIT.OK;
    return followEvaluation(s, client, evaluation, { minScore: options.minScore });
  });
}
