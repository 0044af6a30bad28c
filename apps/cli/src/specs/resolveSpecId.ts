import type { NodeClient, SpecListItem } from '@df/node';
import { resolveReference } from '../resolveReference';
import type { Session } from '../session';

/**
 * Turns a spec reference into a spec id: a whole id, a name (any case) or an id prefix, by the rule every kind shares
 * (`resolveReference`). `label` names the argument in messages (`--spec`, `the spec`).
 */
export async function resolveSpecId(s: Session, client: NodeClient, arg: string, label = '--spec'): Promise<string> {
  return resolveReference<SpecListItem>(
    {
      noun: 'spec',
      plural: 'specs',
      label,
      list: () => client.specs.list(s.call()),
      id: (spec) => spec.id,
      name: (spec) => spec.name,
      describe: (spec) => `${spec.id ?? '-'}  ${spec.name ?? '-'}  ${spec.status ?? '-'}`,
      listCommand: 'dataframer specs list',
    },
    arg,
  );
}
