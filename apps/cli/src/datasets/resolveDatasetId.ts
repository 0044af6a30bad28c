import type { NodeClient } from '@df/node';
import { counted } from '../format';
import { readId } from '../readId';
import { resolveReference } from '../resolveReference';
import type { Session } from '../session';

/**
 * Turns a dataset reference into a dataset id: `-` reads it from stdin; then a whole id, a name (any case) or an id
 * prefix, by the rule every kind shares (`resolveReference`). `label` names the argument in messages.
 */
export async function resolveDatasetId(s: Session, client: NodeClient, arg: string, label = 'the dataset'): Promise<string> {
  const list = () => client.datasets.list(s.call());
  return resolveReference<Awaited<ReturnType<typeof list>>[number]>(
    {
      noun: 'dataset',
      plural: 'datasets',
      label,
      list,
      id: (dataset) => dataset.id,
      name: (dataset) => dataset.name,
      describe: (dataset) =>
        `${dataset.id ?? '-'}  ${dataset.name}  ${dataset.dataset_type}${typeof dataset.file_count === 'number' ? `  ${counted(dataset.file_count, 'file')}` : ''}`,
      listCommand: 'dataframer datasets list',
    },
    await readId(s.ctx, arg, 'dataset name or id'),
  );
}
