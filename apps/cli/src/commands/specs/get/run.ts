import type { Context } from '../../../context';
import { CliError } from '../../../errors';
import { EXIT } from '../../../exitCodes';
import { printFields, printJson, raw, relativeTime, statusText } from '../../../format';
import { readId } from '../../../readId';
import { withSession } from '../../../session';
import { resolveSpecId } from '../../../specs/resolveSpecId';
import { SPEC_DETAIL_FIELDS } from '../../../specs/specFields';
import { versionOf } from '../../../specs/specVersions';
import type { GetOptions } from './flags';

/** `specs get SPEC`: one spec with its versions; `--yaml` prints exactly its YAML, for `specs replace --file`. */
export function run(ctx: Context, options: GetOptions, arg: string): Promise<number> {
  return withSession(ctx, options, async (s) => {
    const { io } = s;
    if (options.json === true) printJson(io, {}, true, SPEC_DETAIL_FIELDS);
    const client = await s.client();
    const id = await resolveSpecId(s, client, await readId(ctx, arg, 'spec name or id'), 'the spec');
    const spec = await client.specs.retrieve(id, { include_versions: true }, s.call());
    if (options.yaml) {
      // Exactly the server's text, so that `get --yaml > file` and `replace --file file` round-trip.
      if (typeof spec.content_yaml !== 'string')
        throw new CliError(`spec "${spec.name ?? id}" (${id}) has no YAML yet: it is ${spec.status ?? 'not generated'}`);
      io.print(spec.content_yaml);
      return EXIT.OK;
    }
    if (options.json !== undefined) {
      printJson(io, spec, options.json, SPEC_DETAIL_FIELDS);
      return EXIT.OK;
    }
    const now = ctx.clock.now();
    const versions = spec.versions ?? [];
    const versionList = versions.map(versionOf).join(', ');
    printFields(io, [
      ['id', spec.id, spec.id],
      ['name', spec.name ?? '-', raw(spec.name)],
      ['status', statusText(io.out, spec.status), raw(spec.status)],
      ['description', spec.description || '-', raw(spec.description)],
      ['dataset', spec.dataset_name ? `${spec.dataset_name} (${spec.dataset_type ?? '-'})` : '- (seedless)', raw(spec.dataset_name)],
      ['versions', versions.length ? versionList : '-', versionList],
      ['created', spec.created_at ? `${relativeTime(spec.created_at, now)} (${spec.created_at})` : '-', raw(spec.created_at)],
      ['updated', spec.updated_at ? `${relativeTime(spec.updated_at, now)} (${spec.updated_at})` : '-', raw(spec.updated_at)],
      ['created_by', spec.created_by_email ?? '-', raw(spec.created_by_email)],
    ]);
    return EXIT.OK;
  });
}
