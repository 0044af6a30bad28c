import { isTerminalStatus, RUN_STATUSES } from '@df/node';
import type { Context } from '../../../context';
import { EXIT } from '../../../exitCodes';
import { bytes, money, printFields, printJson, raw, relativeTime, statusText } from '../../../format';
import { RUN_DETAIL_FIELDS, runDetailFields } from '../../../runs/runFields';
import { resolveRunId } from '../../../runs/resolveRunId';
import { withSession } from '../../../session';
import type { GetOptions } from './flags';

/** `runs get ID`: one run; key/value lines when piped, a readable block on a terminal. */
export function run(ctx: Context, options: GetOptions, arg: string): Promise<number> {
  return withSession(ctx, options, async (s) => {
    const { io } = s;
    if (options.json === true) printJson(io, {}, true, RUN_DETAIL_FIELDS);
    const client = await s.client();
    const run = await client.runs.retrieve(await resolveRunId(s, client, arg), s.call());
    if (options.json !== undefined) {
      printJson(io, runDetailFields(run), options.json, RUN_DETAIL_FIELDS);
      return EXIT.OK;
    }
    const requested = run.runtime_params?.number_of_samples;
    const model = run.runtime_params?.generation_model;
    const files = run.generated_files ?? [];
    if (!io.outTty) {
      // Scripts get one exact value per key.
      const values: Array<[string, unknown]> = [
        ['id', run.id],
        ['status', run.status],
        ['spec_id', run.spec_id],
        ['spec_name', run.spec_name],
        ['spec_version', run.spec_version],
        ['samples_completed', run.samples_completed],
        ['samples_failed', run.samples_failed],
        ['number_of_samples', requested],
        ['total_cost', run.total_cost],
        ['generation_model', model],
        ['dataset_name', run.dataset_name],
        ['created_at', run.created_at],
        ['created_by_email', run.created_by_email],
        ['completed_at', run.completed_at],
        ['generated_files', files.map((f) => f.path ?? f.id).join(',')],
      ];
      printFields(
        io,
        values.map(([key, value]) => [key, '', raw(value)]),
      );
      return EXIT.OK;
    }
    const now = ctx.clock.now();
    const documented = (RUN_STATUSES as readonly string[]).includes(run.status);
    const human: Array<[string, string]> = [
      ['ID', run.id],
      [
        'Status',
        `${statusText(io.out, run.status)}${documented ? '' : io.out.dim(` (not a documented status; ${isTerminalStatus(run.status) ? 'finished' : 'treated as not finished'})`)}`,
      ],
      ['Spec', `${run.spec_name ?? '-'} (${run.spec_id ?? '-'}, version ${run.spec_version ?? '-'})`],
      ['Progress', `${run.samples_completed ?? 0}${requested ? `/${requested}` : ''} completed, ${run.samples_failed ?? 0} failed`],
      ['Cost', money(run.total_cost)],
      ['Model', model ?? '-'],
      ['Dataset', run.dataset_name ?? '-'],
      [
        'Created',
        run.created_at
          ? `${relativeTime(run.created_at, now)} (${run.created_at}${run.created_by_email ? ` by ${run.created_by_email}` : ''})`
          : '-',
      ],
      ['Completed', run.completed_at ? `${relativeTime(run.completed_at, now)} (${run.completed_at})` : '-'],
      ['Files', files.length === 0 ? '-' : files.map((f) => `${f.path ?? f.id} (${bytes(f.size_bytes ?? 0)})`).join(', ')],
    ];
    printFields(
      io,
      human.map(([key, value]) => [key, value, '']),
    );
    return EXIT.OK;
  });
}
