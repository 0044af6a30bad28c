import type { NodeClient, Run, SpecListItem } from '@df/node';
import { CliError, usageError } from '../errors';
import { relativeTime } from '../format';
import type { Session } from '../session';
import { readId } from '../stdin';

const FULL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID_PREFIX = /^[0-9a-f][0-9a-f-]{5,34}$/i;

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

/**
 * Turns `--spec` into a spec id: a whole id is used as it is; otherwise the spec list is searched for that
 * name (any case) or id prefix: one match is that spec, several are listed (exit 2), none is an error.
 */
export async function resolveSpecId(s: Session, client: NodeClient, arg: string): Promise<string> {
  const typed = arg.trim();
  if (typed === '') throw usageError('--spec is empty: give a spec name or id');
  if (FULL_ID.test(typed)) return typed;
  const specs = await client.specs.list(s.call());
  const lower = typed.toLowerCase();
  const byName = specs.filter((spec) => spec.name?.trim().toLowerCase() === lower);
  const matches =
    byName.length > 0 ? byName : ID_PREFIX.test(typed) ? specs.filter((spec) => spec.id?.toLowerCase().startsWith(lower)) : [];
  const found = matches.length === 1 ? matches[0]?.id : undefined;
  if (found) return found;
  const describe = (spec: SpecListItem) => `  ${spec.id ?? '-'}  ${spec.name ?? '-'}  ${spec.status ?? '-'}`;
  if (matches.length > 1)
    throw usageError(`--spec "${typed}" matches ${matches.length} specs; give the id:\n${matches.map(describe).join('\n')}`);
  throw new CliError(`no spec named "${typed}" (nor with an id starting with it); see: dataframer specs list`);
}
