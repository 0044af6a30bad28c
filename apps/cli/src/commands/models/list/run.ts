import type { Context } from '../../../context';
import { EXIT } from '../../../exitCodes';
import { printJson, printTable, raw } from '../../../format';
import { withSession } from '../../../session';
import { MODEL_FIELDS } from '../../../specs/specFields';
import type { ListOptions } from './flags';

/** `models list` */
export function run(ctx: Context, options: ListOptions): Promise<number> {
  return withSession(ctx, options, async (s) => {
    const { io } = s;
    if (options.json === true) printJson(io, [], true, MODEL_FIELDS);
    const answer = await (await s.client()).models.list(s.call());
    const models = (Array.isArray(answer) ? answer : Array.isArray(answer['models']) ? answer['models'] : []) as Array<
      Record<string, unknown>
    >;
    if (options.json !== undefined) {
      printJson(io, models, options.json, MODEL_FIELDS);
      return EXIT.OK;
    }
    const yes = (value: unknown) => (value === true ? 'yes' : value === false ? 'no' : '-');
    await printTable(
      io,
      [{ header: 'ID', flexible: true }, { header: 'PROVIDER' }, { header: 'THINKING' }, { header: 'DEFAULT' }, { header: 'DATABRICKS' }],
      models.map((m) => [
        raw(m['id']),
        raw(m['provider']) || '-',
        yes(m['thinking']),
        m['default'] === true ? io.out.green('default') : '',
        yes(m['requires_databricks_credentials']),
      ]),
      models.map((m) => [
        raw(m['id']),
        raw(m['provider']),
        raw(m['thinking']),
        raw(m['default']),
        raw(m['requires_databricks_credentials']),
      ]),
    );
    return EXIT.OK;
  });
}
