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
      // The id is what --model takes: never cut. The provider and Databricks columns repeat what the id says, so they go first.
      [
        { header: 'ID', keep: true },
        { header: 'DEFAULT' },
        { header: 'THINKING' },
        { header: 'DATABRICKS', optional: true },
        { header: 'PROVIDER', optional: true },
      ],
      models.map((m) => [
        raw(m['id']),
        m['default'] === true ? io.out.green('default') : '',
        yes(m['thinking']),
        yes(m['requires_databricks_credentials']),
        raw(m['provider']) || '-',
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
