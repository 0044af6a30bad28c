import type { Context } from '../../context';
import type { OptionsOf } from '../../program';
import { followRun } from '../../runs/followRun';
import { resolveRunId } from '../../runs/runIds';
import { withSession } from '../../session';

/** `runs watch ID`: follows a run until it finishes; the exit code tells the outcome. */
export function watch(ctx: Context, options: OptionsOf<'runsWatch'>, arg: string): Promise<number> {
  return withSession(ctx, options, async (s) => {
    const client = await s.client();
    return followRun(s, client, await resolveRunId(s, client, arg), options);
  });
}
