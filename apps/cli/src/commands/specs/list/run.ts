import type { Context } from '../../../context';
import { EXIT } from '../../../exitCodes';
import { printJson, printTable, raw, relativeTime, SHORT_ID, statusText } from '../../../format';
import { withSession } from '../../../session';
import { SPEC_FIELDS } from '../../../specs/specFields';
import type { ListOptions } from './flags';

/**
 * `specs list`: a table on a terminal whose id, name and dataset name are never cut (they are typed back: the name is
 * what --spec takes); the optional columns go first, the rightmost first. Tab-separated exact values when piped.
 */
export function run(ctx: Context, options: ListOptions): Promise<number> {
  return withSession(ctx, options, async (s) => {
    const { io } = s;
    if (options.json === true) printJson(io, [], true, SPEC_FIELDS);
    const specs = await (await s.client()).specs.list(s.call());
    if (options.json !== undefined) {
      printJson(io, specs, options.json, SPEC_FIELDS);
      return EXIT.OK;
    }
    if (specs.length === 0) {
      if (io.outTty) io.info('No specs.');
      return EXIT.OK;
    }
    const now = ctx.clock.now();
    await printTable(
      io,
      [
        { header: 'ID', keep: true },
        { header: 'NAME', keep: true },
        { header: 'STATUS', optional: true },
        { header: 'VERSION', optional: true },
        { header: 'DATASET', keep: true, optional: true },
        { header: 'UPDATED', optional: true },
      ],
      specs.map((spec) => [
        spec.id?.slice(0, SHORT_ID) ?? '-',
        spec.name ?? '-',
        statusText(io.out, spec.status),
        raw(spec.latest_version) || '-',
        spec.dataset_name || '-',
        relativeTime(spec.updated_at ?? spec.created_at, now),
      ]),
      specs.map((spec) => [
        raw(spec.id),
        raw(spec.name),
        raw(spec.status),
        raw(spec.latest_version),
        raw(spec.dataset_name),
        raw(spec.updated_at ?? spec.created_at),
      ]),
    );
    return EXIT.OK;
  });
}
