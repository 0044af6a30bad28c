import type { Invocation } from '../parser';
import { printFields, printJson, printTable, raw, relativeTime, statusText } from '../format';
import { readId, withSession } from '../session';

/** Fields `--json` offers for a spec in the list. */
export const SPEC_FIELDS = [
  'id',
  'name',
  'status',
  'description',
  'dataset_name',
  'datasets_id',
  'latest_version',
  'version_count',
  'created_at',
  'updated_at',
  'created_by_name',
  'company_name',
] as const;

/** Fields `--json` offers for one spec. */
export const SPEC_DETAIL_FIELDS = [
  'id',
  'name',
  'description',
  'status',
  'created_at',
  'updated_at',
  'dataset_id',
  'dataset_name',
  'dataset_type',
  'created_by_email',
  'runtime_params',
  'versions',
  'content_yaml',
] as const;

/** Fields `--json` offers for a model. */
export const MODEL_FIELDS = ['id', 'provider', 'thinking', 'requires_databricks_credentials', 'default'] as const;

/** `specs list` */
export function specsList(command: Invocation): Promise<void> {
  return withSession<{ json?: string | true }>(command, async (s) => {
    const { io, options } = s;
    if (options.json === true) printJson(io, [], true, SPEC_FIELDS);
    const specs = await (await s.client()).specs.list();
    if (options.json !== undefined) return printJson(io, specs, options.json, SPEC_FIELDS);
    if (specs.length === 0) {
      if (io.outTty) io.info('No specs.');
      return;
    }
    printTable(
      io,
      ['ID', 'NAME', 'STATUS', 'VERSION', 'DATASET', 'UPDATED'],
      specs.map((spec) => [spec.id ?? '-', spec.name ?? '-', statusText(io.out, spec.status), raw(spec.latest_version) || '-', spec.dataset_name || '-', relativeTime(spec.updated_at ?? spec.created_at)]),
      specs.map((spec) => [raw(spec.id), raw(spec.name), raw(spec.status), raw(spec.latest_version), raw(spec.dataset_name), raw(spec.updated_at ?? spec.created_at)]),
    );
  });
}

/** `specs get ID` */
export function specsGet(command: Invocation): Promise<void> {
  return withSession<{ json?: string | true }>(command, async (s) => {
    const { io, options } = s;
    if (options.json === true) printJson(io, {}, true, SPEC_DETAIL_FIELDS);
    const id = await readId(command.args[0]!, 'spec id');
    const spec = await (await s.client()).specs.retrieve(id, { include_versions: true });
    if (options.json !== undefined) return printJson(io, spec, options.json, SPEC_DETAIL_FIELDS);
    const versions = spec.versions ?? [];
    const versionList = versions.map((v) => String(v['version'] ?? v['version_number'] ?? v['id'] ?? '?')).join(', ');
    printFields(io, [
      ['id', spec.id, spec.id],
      ['name', spec.name ?? '-', raw(spec.name)],
      ['status', statusText(io.out, spec.status), raw(spec.status)],
      ['description', spec.description || '-', raw(spec.description)],
      ['dataset', spec.dataset_name ? `${spec.dataset_name} (${spec.dataset_type ?? '-'})` : '- (seedless)', raw(spec.dataset_name)],
      ['versions', versions.length ? versionList : '-', versionList],
      ['created', spec.created_at ? `${relativeTime(spec.created_at)} (${spec.created_at})` : '-', raw(spec.created_at)],
      ['updated', spec.updated_at ? `${relativeTime(spec.updated_at)} (${spec.updated_at})` : '-', raw(spec.updated_at)],
      ['created_by', spec.created_by_email ?? '-', raw(spec.created_by_email)],
    ]);
  });
}

/** `models list` */
export function modelsList(command: Invocation): Promise<void> {
  return withSession<{ json?: string | true }>(command, async (s) => {
    const { io, options } = s;
    if (options.json === true) printJson(io, [], true, MODEL_FIELDS);
    const answer = await (await s.client()).models.list();
    const models = (Array.isArray(answer) ? answer : Array.isArray(answer['models']) ? answer['models'] : []) as Array<Record<string, unknown>>;
    if (options.json !== undefined) return printJson(io, models, options.json, MODEL_FIELDS);
    const yes = (value: unknown) => (value === true ? 'yes' : value === false ? 'no' : '-');
    printTable(
      io,
      ['ID', 'PROVIDER', 'THINKING', 'DEFAULT', 'DATABRICKS'],
      models.map((m) => [raw(m['id']), raw(m['provider']) || '-', yes(m['thinking']), m['default'] === true ? io.out.green('default') : '', yes(m['requires_databricks_credentials'])]),
      models.map((m) => [raw(m['id']), raw(m['provider']), raw(m['thinking']), raw(m['default']), raw(m['requires_databricks_credentials'])]),
    );
  });
}
