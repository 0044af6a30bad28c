import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Context } from '../../../context';
import { resolveDatasetId } from '../../../datasets/resolveDatasetId';
import { usageError } from '../../../errors';
import { EXIT } from '../../../exitCodes';
import { tell } from '../../../format';
import { withSession } from '../../../session';
import { waitForSpec } from '../../../specs/waitForSpec';
import type { CreateOptions } from './flags';

/** `--objectives`: the text itself, or `@FILE`'s content; empty objectives are refused. */
function objectivesOf(ctx: Context, value: string): string {
  let text = value;
  if (value.startsWith('@')) {
    const file = value.slice(1);
    try {
      text = readFileSync(resolve(ctx.cwd, file), 'utf8');
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw usageError(
        `--objectives ${value}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${code})`}`,
      );
    }
  }
  if (text.trim() === '') throw usageError(`--objectives ${value.startsWith('@') ? `${value}: the file is empty` : 'is empty'}`);
  return text;
}

/**
 * `specs create NAME (--dataset DATASET | --objectives TEXT)`: starts generating a spec, prints only its id on stdout
 * and says on stderr that it started; `--wait` follows it to the end (exit 0 SUCCEEDED, 5 FAILED, 8 at --timeout).
 */
export function run(ctx: Context, o: CreateOptions, nameArg: string): Promise<number> {
  return withSession(ctx, o, async (s) => {
    const { io } = s;
    const name = nameArg.trim();
    if (name === '') throw usageError('the spec name is empty');
    if (o.dataset === undefined && o.objectives === undefined)
      throw usageError('give --dataset DATASET (a spec from a seed dataset) or --objectives TEXT (a spec without one)');
    const objectives = o.objectives === undefined ? undefined : objectivesOf(ctx, o.objectives);
    const client = await s.client();
    const datasetId = o.dataset === undefined ? undefined : await resolveDatasetId(s, client, o.dataset, '--dataset');
    const { id } = await client.specs.create(
      {
        name,
        ...(datasetId !== undefined && { dataset_id: datasetId }),
        ...(objectives !== undefined && { generation_objectives: objectives }),
        ...(o.model !== undefined && { spec_generation_model_name: o.model }),
      },
      s.call(),
    );
    io.print(`${id}\n`);
    const from = o.dataset === undefined ? 'from objectives' : `from dataset ${o.dataset}`;
    if (!o.wait) {
      tell(io, `${io.errStyle.green('✓')} Started spec "${name}" (${id}) ${from}. Check it with: dataframer specs get ${id}`);
      return EXIT.OK;
    }
    return waitForSpec(s, client, id, name);
  });
}
