import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Context } from '../../../context';
import { usageError } from '../../../errors';
import { EXIT } from '../../../exitCodes';
import { tell } from '../../../format';
import { withSession } from '../../../session';
import { resolveSpecId } from '../../../specs/resolveSpecId';
import { latestVersion } from '../../../specs/specVersions';
import type { ReplaceOptions } from './flags';

/** Reads all of stdin as text. */
async function readStdin(ctx: Context): Promise<string> {
  const chunks: string[] = [];
  const stdin = ctx.stdin.stream();
  stdin.setEncoding('utf8');
  for await (const chunk of stdin) chunks.push(chunk as string);
  return chunks.join('');
}

/** The YAML of `--file`: a file, or stdin for `-`; a file that cannot be read or holds nothing is refused. */
async function yamlOf(ctx: Context, file: string): Promise<string> {
  if (file === '-') {
    if (ctx.stdin.isTTY) throw usageError('--file - reads the YAML from stdin, but stdin is a terminal; pipe the YAML in or give a file');
    const text = await readStdin(ctx);
    if (text.trim() === '') throw usageError('--file -: stdin was empty');
    return text;
  }
  let text: string;
  try {
    text = await readFile(resolve(ctx.cwd, file), 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw usageError(
      `--file ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : `cannot be read (${code})`}`,
    );
  }
  if (text.trim() === '') throw usageError(`--file ${file}: the file is empty`);
  return text;
}

/** `specs replace SPEC --file FILE`: sends the YAML as the spec's new version; the id on stdout, the version on stderr. */
export function run(ctx: Context, o: ReplaceOptions, arg: string): Promise<number> {
  return withSession(ctx, o, async (s) => {
    const { io } = s;
    // Read first: a file that cannot be read costs no request.
    const content = await yamlOf(ctx, o.file);
    const client = await s.client();
    const id = await resolveSpecId(s, client, arg, 'the spec');
    const spec = await client.specs.replace(id, { content_yaml: content }, s.call());
    const version = latestVersion(spec) ?? latestVersion(await client.specs.retrieve(id, { include_versions: true }, s.call()));
    io.print(`${id}\n`);
    tell(
      io,
      `${io.errStyle.green('✓')} Replaced the YAML of spec "${spec.name ?? id}" (${id}): now at version ${version ?? '(not given by the server)'}`,
    );
    return EXIT.OK;
  });
}
