import { API_KEY_LOCATION } from '@df/core/constants';
import { maskKey } from '@df/node';
import { checkKey } from '../../../auth/checkKey';
import { writeConfig } from '../../../config';
import type { Context } from '../../../context';
import { CliError, usageError } from '../../../errors';
import { EXIT } from '../../../exitCodes';
import { readSecret } from '../../../prompt';
import { KEY_HELP } from '../../../reportError';
import { withSession } from '../../../session';
import type { LoginOptions } from './flags';

/** `auth login`: reads the key from a hidden prompt or stdin (never argv), checks it, stores it with mode 0600. */
export function run(ctx: Context, options: LoginOptions): Promise<number> {
  return withSession(ctx, options, async (s) => {
    const { io, auth } = s;
    if (ctx.stdin.isTTY) io.info(`Paste a Dataframer API key for ${auth.baseUrl} (${API_KEY_LOCATION}). It will not be shown.`);
    const key = await readSecret(ctx, 'API key: ');
    if (!key)
      throw usageError('no API key was given: type it at the prompt, or pipe it on stdin (printf %s "$KEY" | dataframer auth login)');
    if (/\s/.test(key)) throw usageError('the API key contains spaces; paste only the key');
    io.secrets.push(key);
    if (options.verify) {
      const http = await s.fetch();
      const client = await ctx.createClient({
        apiKey: key,
        baseUrl: auth.baseUrl,
        env: ctx.env,
        fetch: (request) => http.fetch(request),
        ...(options.debug && { logger: { debug: (line: string) => io.info(io.errStyle.dim(`[debug] ${line}`)) } }),
      });
      try {
        await checkKey(s, client);
      } catch (error) {
        if ((error as { code?: string }).code === 'authentication') {
          throw new CliError(`${auth.baseUrl} rejected the key ${maskKey(key)} (401); nothing was saved. ${KEY_HELP}`, EXIT.AUTH);
        }
        throw new CliError(
          `could not check the key, so nothing was saved: ${(error as Error).message} (use --no-verify to store it anyway)`,
        );
      } finally {
        await client.close();
      }
    }
    const profile = { ...auth.config.profiles[auth.profile], api_key: key, ...(options.baseUrl && { base_url: options.baseUrl }) };
    const path = writeConfig({ ...auth.config, profiles: { ...auth.config.profiles, [auth.profile]: profile } }, ctx.env);
    io.info(
      `${io.errStyle.green('✓')} Stored key ${maskKey(key)} for profile "${auth.profile}" in ${path}${options.verify ? ' (checked with the server)' : ''}`,
    );
    if (ctx.env['DATAFRAMER_API_KEY']) io.info('note: DATAFRAMER_API_KEY is set and takes precedence over the stored key.');
    return EXIT.OK;
  });
}
