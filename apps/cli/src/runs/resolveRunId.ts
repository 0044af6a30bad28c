import type { NodeClient, Run } from '@df/node';
import { relativeTime } from '../format';
import { readId } from '../readId';
import { resolveReference } from '../resolveReference';
import type { Session } from '../session';

/**
 * Turns what the user typed into a run id: `-` reads it from stdin; then a whole id or an id prefix of 6 or more
 * characters (tables and the dashboard show 8), by the rule every kind shares (`resolveReference`). Anything that
 * cannot be an id prefix goes to the server as typed, which answers 404 if unknown.
 */
export async function resolveRunId(s: Session, client: NodeClient, arg: string): Promise<string> {
  const now = s.ctx.clock.now();
  return resolveReference<Run>(
    {
      noun: 'run',
      plural: 'runs',
      label: 'the run id',
      list: () => client.runs.list(s.call()),
      id: (run) => run.id,
      describe: (run) => `${run.id}  ${run.status}  ${run.spec_name ?? run.spec_id ?? '-'}  ${relativeTime(run.created_at, now)}`,
      listCommand: 'dataframer runs list',
    },
    await readId(s.ctx, arg),
  );
}
