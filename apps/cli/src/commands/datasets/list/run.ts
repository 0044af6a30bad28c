import type { Context } from '../../../context';
import { DATASET_FIELDS } from '../../../datasets/datasetFields';
import { EXIT } from '../../../exitCodes';
import { printJson, printTable, raw, relativeTime, SHORT_ID } from '../../../format';
import { withSession } from '../../../session';
import type { ListOptions } from './flags';

/**
 * `datasets list`: a table on a terminal whose id and name are never cut (they are typed back); the description is
 * cut first, then the optional columns go. Tab-separated exact values when piped.
 */
export function run(ctx: Context, options: ListOptions): Promise<number> {
  return withSession(ctx, options, async (s) => {
    const { io } = s;
    if (options.json === true) printJson(io, [], true, DATASET_FIELDS);
    const datasets = await (await s.client()).datasets.list(s.call());
    if (options.json !== undefined) {
      printJson(io, datasets, options.json, DATASET_FIELDS);
      return EXIT.OK;
    }
    if (datasets.length === 0) {
      if (io.outTty) io.info('No datasets. Upload one with: dataframer datasets create NAME FILE');
      return EXIT.OK;
    }
    const now = ctx.clock.now();
    await printTable(
      io,
      [
        { header: 'ID', keep: true },
        { header: 'NAME', keep: true },
        // The name is never cut, so in a narrow terminal the others go: a cut type or count tells nothing.
        { header: 'TYPE', optional: true },
        { header: 'FILES', optional: true },
        { header: 'FOLDERS', optional: true },
        { header: 'CREATED', optional: true },
        { header: 'DESCRIPTION', flexible: true, optional: true },
      ],
      datasets.map((dataset) => [
        dataset.id?.slice(0, SHORT_ID) ?? '-',
        dataset.name,
        dataset.dataset_type,
        raw(dataset.file_count) || '-',
        raw(dataset.folder_count) || '-',
        relativeTime(dataset.created_at, now),
        dataset.description || '-',
      ]),
      datasets.map((dataset) => [
        raw(dataset.id),
        raw(dataset.name),
        raw(dataset.dataset_type),
        raw(dataset.file_count),
        raw(dataset.folder_count),
        raw(dataset.created_at),
        raw(dataset.description),
      ]),
    );
    return EXIT.OK;
  });
}
