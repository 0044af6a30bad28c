import type { NodeClient, SpecListItem } from '@df/node';
import { CliError, usageError } from '../errors';
import { FULL_ID, ID_PREFIX } from '../readId';
import type { Session } from '../session';

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
