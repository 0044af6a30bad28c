import type { NodeClient, Run } from '@df/node';
import { CliError, usageError } from '../errors';
import { relativeTime } from '../format';
import type { Session } from '../session';
import { FULL_ID, ID_PREFIX, readId } from '../readId';

/**
 * Turns what the user typed into a run id: `-` reads it from stdin; a whole id is used as it is; a hex prefix
 * of 6 or more characters (tables and the dashboard show 8) is looked up in the run list: one match is that
 * run, several are listed (exit 2). Anything else goes to the server as typed, which answers 404 if unknown.
 */
export async function resolveRunId(s: Session, client: NodeClient, arg: string): Promise<string> {
  const typed = await readId(s.ctx, arg);
  if (FULL_ID.test(typed) || !ID_PREFIX.test(typed)) return typed;
  const prefix = typed.toLowerCase();
  const matches = (await client.runs.list(s.call())).filter((run) => run.id.toLowerCase().startsWith(prefix));
  const [only] = matches;
  if (only && matches.length === 1) return only.id;
  if (matches.length === 0) throw new CliError(`no run found with an id starting with ${typed}`);
  const now = s.ctx.clock.now();
  const lines = matches.map(
    (run: Run) => `  ${run.id}  ${run.status}  ${run.spec_name ?? run.spec_id ?? '-'}  ${relativeTime(run.created_at, now)}`,
  );
  throw usageError(`the id prefix ${typed} matches ${matches.length} runs; give more characters:\n${lines.join('\n')}`);
}
