import type { Context } from '../../../context';
import { CliError, usageError } from '../../../errors';
import { EXIT } from '../../../exitCodes';
import { counted, money, relativeTime } from '../../../format';
import { resolveRunId } from '../../../runs/resolveRunId';
import { withSession } from '../../../session';
import type { DeleteOptions } from './flags';

/** `runs delete ID`: checks that the run exists, shows it and asks (unless --yes), then deletes it. */
export function run(ctx: Context, options: DeleteOptions, arg: string): Promise<number> {
  return withSession(ctx, options, async (s) => {
    const { io } = s;
    const client = await s.client();
    const id = await resolveRunId(s, client, arg);
    // A typo or another company's id fails here with the server's 404, before anyone is asked anything.
    const run = await client.runs.retrieve(id, s.call());
    if (!options.yes) {
      if (!io.inTty || arg === '-') {
        throw usageError(`refusing to delete run ${id} without confirmation because stdin is not a terminal; pass --yes`);
      }
      const { confirm } = await import('../../../prompt');
      const what = `${run.status}, ${run.spec_name ?? run.spec_id ?? 'unknown spec'}, ${counted(run.samples_completed ?? 0, 'sample')}, ${money(run.total_cost)}, created ${relativeTime(run.created_at, ctx.clock.now())}`;
      if (!(await confirm(ctx, `Delete run ${id} (${what}) and its files? This cannot be undone. [y/N] `))) {
        throw new CliError(`run ${id} was not deleted`);
      }
    }
    await client.runs.delete(id, s.call());
    io.print(`${id}\n`);
    io.info(`${io.errStyle.green('✓')} Deleted run ${id}`);
    return EXIT.OK;
  });
}
