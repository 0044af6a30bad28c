import type { CommandUnknownOpts } from '@commander-js/extra-typings';
import { OutcomeUnknownError, type CreateRunParams } from '@df/node';
import type { Context } from '../../../context';
import { CliError, usageError } from '../../../errors';
import { EXIT } from '../../../exitCodes';
import { counted } from '../../../format';
import { followRun } from '../../../runs/followRun';
import { resolveSpecId } from '../../../specs/resolveSpecId';
import { withSession } from '../../../session';
import type { CreateOptions } from './flags';

/**
 * `runs create`: starts a run under an idempotency key; prints only the new id on stdout; `--wait` follows it, and
 * `--evaluate` then evaluates a run that SUCCEEDED and gates on its score (`--min-score`).
 */
export function run(ctx: Context, o: CreateOptions, command: CommandUnknownOpts): Promise<number> {
  return withSession(ctx, o, async (s) => {
    const { io } = s;
    // Checked before anything is sent: a limit that would not be watched must not look like protection.
    if (o.maxCost !== undefined && !o.wait)
      throw usageError(
        '--max-cost needs --wait: the limit is enforced while the CLI watches the run (or use: dataframer runs watch ID --max-cost USD)',
      );
    if (o.evaluate && !o.wait)
      throw usageError('--evaluate needs --wait: a run is evaluated once it SUCCEEDED (or later, with: dataframer runs evaluate ID)');
    if (o.minScore !== undefined && !o.evaluate)
      throw usageError('--min-score needs --evaluate (and --wait): the score comes from the evaluation');
    if (o.evalModel !== undefined && !o.evaluate) throw usageError('--eval-model needs --evaluate (and --wait)');
    const client = await s.client();
    const params: CreateRunParams = { spec_id: await resolveSpecId(s, client, o.spec), number_of_samples: o.samples };
    if (o.specVersion !== undefined) params.spec_version = o.specVersion;
    if (o.model !== undefined) params.generation_model = o.model;
    if (o.outlineModel !== undefined) params.outline_model = o.outlineModel;
    if (o.revisionModel !== undefined) params.revision_model = o.revisionModel;
    if (o.maxRevisionCycles !== undefined) params.max_revision_cycles = o.maxRevisionCycles;
    if (o.maxExamples !== undefined) params.max_examples_in_prompt = o.maxExamples;
    if (o.seedShuffling !== undefined) params.seed_shuffling_level = o.seedShuffling;
    if (o.skipOutline) params.skip_outline = true;
    const key = o.idempotencyKey ?? globalThis.crypto.randomUUID();
    let id: string;
    // The server says when it answered with the run an earlier request under the same key started.
    let replayed = false;
    try {
      ({ id } = await client.runs.create(params, {
        ...s.call(),
        idempotencyKey: key,
        onResponse: (info) => {
          replayed = info.headers['idempotent-replayed'] === 'true';
        },
      }));
    } catch (error) {
      if (error instanceof OutcomeUnknownError) {
        // Loaded only here: a create that succeeds never needs to write the command that repeats it.
        const { describeUnknownOutcome } = await import('../../../runs/unknownOutcome');
        throw new CliError(describeUnknownOutcome(error, command, o, key), EXIT.ERROR, { cause: error });
      }
      throw error;
    }
    io.print(`${id}\n`);
    if (replayed) {
      io.info(
        `Run ${id} already existed: the server answered Idempotency-Key ${key} with the run an earlier request started, so no new run was started.`,
      );
    }
    if (!o.wait) {
      if (!replayed)
        io.info(
          `${io.errStyle.green('✓')} Started run ${id} (${counted(o.samples, 'sample')}). Follow it with: dataframer runs watch ${id}`,
        );
      return EXIT.OK;
    }
    const code = await followRun(s, client, id, o);
    if (!o.evaluate) return code;
    if (code !== EXIT.OK) {
      io.info(`Run ${id} did not succeed, so it was not evaluated.`);
      return code;
    }
    // Loaded only here: a create without --evaluate never needs the evaluation code.
    const [{ startEvaluation }, { followEvaluation }] = await Promise.all([
      import('../../../evaluations/startEvaluation'),
      import('../../../evaluations/followEvaluation'),
    ]);
    const evaluation = await startEvaluation(s, client, id, o.evalModel);
    return followEvaluation(s, client, evaluation, { minScore: o.minScore, json: o.json });
  });
}
