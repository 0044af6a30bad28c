import type { Context } from '../../../context';
import { CliError } from '../../../errors';
import { EVALUATION_FIELDS } from '../../../evaluations/evaluationFields';
import { evaluationView, PIPED_FIELDS, pipedValue } from '../../../evaluations/evaluationView';
import { EXIT } from '../../../exitCodes';
import { printJson } from '../../../format';
import { FULL_ID, readId } from '../../../readId';
import { withSession } from '../../../session';
import type { GetOptions } from './flags';

/** `evaluations get ID`: one evaluation; key/value lines when piped, a readable page fitted to the terminal otherwise. */
export function run(ctx: Context, options: GetOptions, arg: string): Promise<number> {
  return withSession(ctx, options, async (s) => {
    const { io } = s;
    if (options.json === true) printJson(io, {}, true, EVALUATION_FIELDS);
    const id = await readId(ctx, arg, 'evaluation id');
    const client = await s.client();
    const evaluation = await client.evaluations.retrieve(id, s.call()).catch((error: unknown) => {
      // Without a list of every evaluation, a prefix cannot be looked up: the server only knows whole ids.
      if ((error as { status?: number }).status === 404 && !FULL_ID.test(id))
        throw new CliError(`no evaluation has the id ${id}; give the whole id (dataframer evaluations list RUN_ID shows them)`);
      throw error;
    });
    if (options.json !== undefined) {
      printJson(io, evaluation, options.json, EVALUATION_FIELDS);
      return EXIT.OK;
    }
    if (!io.outTty) {
      // Scripts get one exact value per key, each also a --json field.
      const record = evaluation as unknown as Record<string, unknown>;
      io.print(PIPED_FIELDS.map((key) => `${key}\t${pipedValue(record[key])}\n`).join(''));
      return EXIT.OK;
    }
    io.print(`${(await evaluationView(io, evaluation, ctx.clock.now())).join('\n')}\n`);
    return EXIT.OK;
  });
}
