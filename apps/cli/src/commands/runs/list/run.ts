import { RUN_STATUSES, type Run } from '@df/node';
import type { Context } from '../../../context';
import { EXIT } from '../../../exitCodes';
import { money, printJson, printTable, raw, relativeTime, SHORT_ID, statusText } from '../../../format';
import type { Io } from '../../../io';
import { RUN_FIELDS } from '../../../runs/runFields';
import { filterRuns, parseStatuses } from '../../../runs/runFilter';
import { withSession } from '../../../session';
import type { ListOptions } from './flags';

function progressCell(io: Io, run: Run): string {
  const failed = run.samples_failed ? io.out.red(` (${run.samples_failed} failed)`) : '';
  return `${run.samples_completed ?? 0} done${failed}`;
}

/** `runs list`: the company's runs, filtered and sorted on the client; says on stderr when --limit left some out. */
export function run(ctx: Context, options: ListOptions): Promise<number> {
  return withSession(ctx, options, async (s) => {
    const { io } = s;
    if (options.json === true) printJson(io, [], true, RUN_FIELDS);
    if (options.status) {
      const { unknown } = parseStatuses(options.status);
      if (unknown.length > 0) {
        io.info(
          `note: ${unknown.join(', ')} ${unknown.length === 1 ? 'is not a documented status' : 'are not documented statuses'} (${RUN_STATUSES.join(', ')}); showing runs the server reports with exactly that status`,
        );
      }
    }
    const client = await s.client();
    const now = ctx.clock.now();
    const matching = filterRuns(await client.runs.list(s.call()), { ...options, limit: undefined }, now);
    const runs = matching.slice(0, options.limit);
    const more = matching.length - runs.length;
    // Nothing is cut silently: piped or not, stderr says how many runs --limit left out.
    if (more > 0)
      io.info(io.errStyle.dim(`Showing ${runs.length} of ${matching.length} runs; ${more} more with --limit ${matching.length}.`));
    if (options.json !== undefined) {
      printJson(io, runs, options.json, RUN_FIELDS);
      return EXIT.OK;
    }
    if (runs.length === 0) {
      if (io.outTty) io.info('No runs match.');
      return EXIT.OK;
    }
    await printTable(
      io,
      [
        { header: 'ID', keep: true },
        { header: 'STATUS' },
        { header: 'PROGRESS', flexible: true },
        { header: 'COST' },
        // The spec's name is what --spec takes: shown whole or not at all.
        { header: 'SPEC', keep: true, optional: true },
        { header: 'CREATED', optional: true },
      ],
      runs.map((run) => [
        run.id.slice(0, SHORT_ID),
        statusText(io.out, run.status),
        progressCell(io, run),
        money(run.total_cost),
        run.spec_name ?? run.spec_id ?? '-',
        relativeTime(run.created_at, now),
      ]),
      runs.map((run) => [
        run.id,
        run.status,
        raw(run.samples_completed),
        raw(run.samples_failed),
        raw(run.total_cost),
        raw(run.spec_name),
        raw(run.spec_id),
        raw(run.created_at),
      ]),
    );
    return EXIT.OK;
  });
}
