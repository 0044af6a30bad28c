import type { Context } from '../../../context';
import { EXIT } from '../../../exitCodes';
import { printJson, printTable, raw } from '../../../format';
import { withSession } from '../../../session';
import type { ListOptions } from './flags';

/**
 * Fields `--json` offers for a model. Written out: the contract leaves the models answer open (the SDK reads it as a
 * free object), so there is no schema to take them from.
 */
const MODEL_FIELDS = ['id', 'provider', 'thinking', 'requires_databricks_credentials', 'default'];

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
