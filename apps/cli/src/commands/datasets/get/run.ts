import type { Context } from '../../../context';
import { DATASET_DETAIL_FIELDS } from '../../../datasets/datasetFields';
import { resolveDatasetId } from '../../../datasets/resolveDatasetId';
import { EXIT } from '../../../exitCodes';
import { bytes, counted, printFields, printJson, printTable, raw, relativeTime } from '../../../format';
import { withSession } from '../../../session';
import type { GetOptions } from './flags';

/** `datasets get DATASET`: one dataset and its files; key/value lines when piped, a block and a file table on a terminal. */
export function run(ctx: Context, options: GetOptions, arg: string): Promise<number> {
  return withSession(ctx, options, async (s) => {
    const { io } = s;
    if (options.json === true) printJson(io, {}, true, DATASET_DETAIL_FIELDS);
    const client = await s.client();
    const dataset = await client.datasets.retrieve(await resolveDatasetId(s, client, arg), s.call());
    if (options.json !== undefined) {
      printJson(io, dataset, options.json, DATASET_DETAIL_FIELDS);
      return EXIT.OK;
    }
    const files = dataset.files ?? [];
    const size = files.reduce((sum, file) => sum + (file.size_bytes ?? 0), 0);
    const compatibility = dataset.short_sample_compatibility;
    const samples = compatibility
      ? [compatibility.is_short_samples_compatible ? 'short' : '', compatibility.is_long_samples_compatible ? 'long' : ''].filter(Boolean)
      : [];
    const now = ctx.clock.now();
    const fileCount = dataset.file_count ?? files.length;
    printFields(io, [
      ['id', dataset.id, dataset.id],
      ['name', dataset.name, raw(dataset.name)],
      ['type', dataset.dataset_type, raw(dataset.dataset_type)],
      ['description', dataset.description || '-', raw(dataset.description)],
      [
        'files',
        `${counted(fileCount, 'file')}${dataset.folder_count ? ` in ${counted(dataset.folder_count, 'folder')}` : ''}, ${bytes(size)}`,
        files.map((file) => file.path).join(','),
      ],
      ['folders', raw(dataset.folder_count) || '-', raw(dataset.folder_count)],
      [
        'samples',
        compatibility
          ? `${samples.length ? `${samples.join(' and ')} samples` : 'none'}${compatibility.reason ? ` (${compatibility.reason})` : ''}`
          : '-',
        raw(compatibility),
      ],
      ['created', dataset.created_at ? `${relativeTime(dataset.created_at, now)} (${dataset.created_at})` : '-', raw(dataset.created_at)],
      ['updated', dataset.updated_at ? `${relativeTime(dataset.updated_at, now)} (${dataset.updated_at})` : '-', raw(dataset.updated_at)],
      ['created_by', dataset.created_by_email || '-', raw(dataset.created_by_email)],
    ]);
    if (io.outTty && files.length > 0) {
      io.print('\n');
      await printTable(
        io,
        [{ header: 'PATH', keep: true }, { header: 'TYPE' }, { header: 'SIZE' }],
        files.map((file) => [file.path ?? file.id ?? '-', file.file_type || '-', bytes(file.size_bytes ?? 0)]),
        [],
      );
    }
    return EXIT.OK;
  });
}
