import type { Context } from '../../../context';
import { followRun } from '../../../runs/followRun';
import { resolveRunId } from '../../../runs/resolveRunId';
import { withSession } from '../../../session';
import type { WatchOptions } from './flags';

/** `runs watch ID`: follows a run until it finishes; the exit code tells the outcome. */
export function run(ctx: Context, options: WatchOptions, arg: string): Promise<number> {
  return withSession(ctx, options, async (s) => {
    const client = await s.client();
    return followRun(s, client, await resolveRunId(s, client, arg), options);
  });
}
