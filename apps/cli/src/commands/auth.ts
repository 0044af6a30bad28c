import { existsSync } from 'node:fs';
import type { Invocation } from '../parser';
import { createClient, createNodeFetch, maskKey } from '@df/node';
import { configIsShared, writeConfig } from '../config';
import { CliError, usageError } from '../errors';
import { EXIT } from '../exitCodes';
import { addSecret } from '../io';
import { readSecret } from '../prompt';
import { withSession } from '../session';

/** `auth login`: reads the key from a hidden prompt or stdin (never argv), checks it, stores it with mode 0600. */
export function login(command: Invocation): Promise<void> {
  return withSession<{ verify: boolean }>(command, async (s) => {
    const { io, auth, options } = s;
    if (process.stdin.isTTY) io.info(`Paste a Dataframer API key for ${auth.baseUrl} (Account → API Key). It will not be shown.`);
    const key = await readSecret('API key: ');
    if (!key) throw usageError('no API key was given: type it at the prompt, or pipe it on stdin (printf %s "$KEY" | dataframer auth login)');
    if (/\s/.test(key)) throw usageError('the API key contains spaces; paste only the key');
    addSecret(key);
    if (options.verify) {
      const apiFetch = createNodeFetch({ engine: 'node:http' });
      const client = createClient({
        apiKey: key,
        baseUrl: auth.baseUrl,
        env: {},
        fetch: apiFetch.fetch,
        ...(options.debug && { logger: { debug: (line: string) => io.info(io.errStyle.dim(`[debug] ${line}`)) } }),
      });
      try {
        await client.models.list({ timeoutMs: 20_000 });
      } catch (error) {
        if ((error as { code?: string }).code === 'authentication') {
          throw new CliError(`${auth.baseUrl} rejected this key (401); nothing was saved`, EXIT.AUTH);
        }
        throw new CliError(`could not check the key, so nothing was saved: ${(error as Error).message} (use --no-verify to store it anyway)`);
      } finally {
        await client.close();
        await apiFetch.close();
      }
    }
    const profile = { ...auth.config.profiles[auth.profile], api_key: key, ...(options.baseUrl && { base_url: options.baseUrl }) };
    const path = writeConfig({ ...auth.config, profiles: { ...auth.config.profiles, [auth.profile]: profile } });
    io.info(`${io.errStyle.green('✓')} Stored key ${maskKey(key)} for profile "${auth.profile}" in ${path}${options.verify ? ' (checked with the server)' : ''}`);
    if (process.env['DATAFRAMER_API_KEY']) io.info('Note: DATAFRAMER_API_KEY is set and takes precedence over the stored key.');
  });
}

/** `auth status`: which key is in use, where it comes from (masked), and whether the server accepts it. */
export function status(command: Invocation): Promise<void> {
  return withSession<{ offline?: boolean }>(command, async (s) => {
    const { io, auth, options } = s;
    const lines: string[] = [];
    const add = (key: string, value: string) => lines.push(io.outTty ? `${io.out.dim(key.padEnd(12))}${value}` : `${key.toLowerCase().replace(/ /g, '_')}\t${value}`);
    add('Profile', auth.profile);
    add('Config file', `${auth.configPath}${existsSync(auth.configPath) ? '' : ' (not created yet)'}`);
    add('Server', `${auth.baseUrl} (from ${auth.baseUrlSource})`);
    if (!auth.apiKey) {
      add('Key', 'none');
      io.print(`${lines.join('\n')}\n`);
      throw new CliError('not logged in: run "dataframer auth login" or set DATAFRAMER_API_KEY', EXIT.AUTH);
    }
    add('Key', `${maskKey(auth.apiKey)} (from ${auth.keySource})`);
    let code: number = EXIT.OK;
    if (!options.offline) {
      try {
        await (await s.client()).models.list({ timeoutMs: 20_000 });
        add('Check', io.out.green('the server accepts this key'));
      } catch (error) {
        const e = error as { code?: string; message: string };
        code = e.code === 'authentication' ? EXIT.AUTH : EXIT.ERROR;
        add('Check', io.out.red(e.code === 'authentication' ? 'the server rejected this key (401)' : `could not reach the server: ${e.message}`));
      }
    }
    io.print(`${lines.join('\n')}\n`);
    if (configIsShared(auth.configPath)) io.info(`warning: ${auth.configPath} is readable by other users; run: chmod 600 "${auth.configPath}"`);
    process.exitCode = code;
  });
}

/** `auth logout`: removes the profile's stored key. */
export function logout(command: Invocation): Promise<void> {
  return withSession(command, async (s) => {
    const { io, auth } = s;
    const stored = auth.config.profiles[auth.profile];
    if (!stored?.api_key) {
      io.info(`No key is stored for profile "${auth.profile}".`);
    } else {
      const { api_key: _removed, ...rest } = stored;
      const profiles = { ...auth.config.profiles };
      if (Object.keys(rest).length === 0) delete profiles[auth.profile];
      else profiles[auth.profile] = rest;
      const path = writeConfig({ ...auth.config, profiles });
      io.info(`${io.errStyle.green('✓')} Removed the key of profile "${auth.profile}" from ${path}`);
    }
    if (process.env['DATAFRAMER_API_KEY']) io.info('Note: DATAFRAMER_API_KEY is still set in this environment and will be used.');
  });
}
