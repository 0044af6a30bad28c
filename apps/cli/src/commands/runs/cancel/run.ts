import type { Context } from '../../../context';
import { EXIT } from '../../../exitCodes';
import { resolveRunId } from '../../../runs/resolveRunId';
import { withSession } from '../../../session';
import type { CancelOptions } from './flags';

/** `runs cancel ID`: cancels a PENDING or PROCESSING run; prints its id. */
export function run(ctx: Context, options: CancelOptions, arg: string): Promise<number> {
  return withSession(ctx, options, async (s) => {
    const client = await s.client();
    const id = await resolveRunId(s, client, arg);
    await client.runs.cancel(id, s.call());
    s.io.print(`${id}\n`);
    s.io.info(`${s.io.errStyle.green('✓')} Canceled run ${id}`);
    return EXIT.OK;
  });
}
