import { API_KEY_LOCATION } from '@df/core/constants';
import { type ApiKeyRotation, maskKey, OutcomeUnknownError, RateLimitError } from '@df/node';
import { checkConfigWritable, writeConfig, type ResolvedAuth } from '../../../config';
import type { Context } from '../../../context';
import { CliError, usageError } from '../../../errors';
import { EXIT } from '../../../exitCodes';
import { shortDuration } from '../../../format';
import { notLoggedIn, withSession } from '../../../session';
import type { RotateOptions } from './flags';

/** The command that stores a key in the profile in use. */
function loginCommand(auth: ResolvedAuth): string {
  return `dataframer ${auth.profile === 'default' ? '' : `--profile ${auth.profile} `}auth login`;
}

/** A rotation that failed, in words that say whether the key changed and what to do. */
function rotationFailure(error: unknown, old: string, auth: ResolvedAuth): unknown {
  if (error instanceof RateLimitError) {
    const wait = error.retryAfterMs === undefined ? 'within the hour' : `in ${shortDuration(error.retryAfterMs)}`;
    return new CliError(
      `the server refused to rotate the key: rotations are limited to 5 an hour (429). Try again ${wait}; the key ${maskKey(old)} is unchanged and still works.`,
    );
  }
  if (error instanceof OutcomeUnknownError) {
    return new CliError(
      [
        `the rotation was sent, but its answer was lost (${error.message}), so the key may have changed: the old key ${maskKey(old)} may already be revoked, and the new one was never received.`,
        'Check whether the old key still works: dataframer auth status',
        `If it is rejected, get the current key from ${API_KEY_LOCATION} and store it with: ${loginCommand(auth)}`,
      ].join('\n'),
      EXIT.ERROR,
      { cause: error },
    );
  }
  return error;
}

/**
 * `auth rotate`: asks first (unless --yes), checks that the config file can be written, rotates the key, stores the
 * new one in the profile before printing anything, then confirms with its masked form. The new key is printed on
 * stdout, once, only where it cannot be stored: it came from DATAFRAMER_API_KEY, or writing the file failed.
 */
export function run(ctx: Context, options: RotateOptions): Promise<number> {
  return withSession(ctx, options, async (s) => {
    const { io, auth } = s;
    const old = auth.apiKey;
    if (!old) throw notLoggedIn(auth);
    const fromEnv = Boolean(ctx.env['DATAFRAMER_API_KEY']);
    // The profile is updated when it holds the key being rotated (also when the same key is in DATAFRAMER_API_KEY).
    const profile = auth.config.profiles[auth.profile];
    const store = profile?.api_key === old;
    if (!options.yes) {
      if (!io.inTty) throw usageError('refusing to rotate the API key without confirmation because stdin is not a terminal; pass --yes');
      const { confirm } = await import('../../../prompt');
      const question = `Rotate the API key ${maskKey(old)} (from ${auth.keySource})? It stops working at once, wherever it is used. [y/N] `;
      if (!(await confirm(ctx, question))) throw new CliError('the API key was not rotated');
    }
    // While the old key still works: a config file that cannot be written stops the rotation before anything changed.
    if (store) {
      try {
        checkConfigWritable(ctx.env);
      } catch (error) {
        throw new CliError(
          `the key was not rotated: the new key could not be stored, since ${auth.configPath} cannot be written (${(error as Error).message})`,
        );
      }
    }
    const client = await s.client();
    let rotated: ApiKeyRotation;
    try {
      rotated = await client.apiKeys.rotate(s.call());
    } catch (error) {
      throw rotationFailure(error, old, auth);
    }
    const key = rotated.api_key;
    // From here on no message can show it; the one deliberate print goes to stdout.
    io.secrets.push(key);
    const expires = rotated.expires_at ? `; it expires ${rotated.expires_at}` : '';
    let path: string | undefined;
    if (store) {
      try {
        path = writeConfig(
          { ...auth.config, profiles: { ...auth.config.profiles, [auth.profile]: { ...profile, api_key: key } } },
          ctx.env,
        );
      } catch (error) {
        io.print(`${key}\n`);
        throw new CliError(
          `the key was rotated, but storing it in ${auth.configPath} failed (${(error as Error).message}). The old key ${maskKey(old)} no longer works. The new key ${maskKey(key)} is on stdout, printed this once: keep it, and store it with: ${loginCommand(auth)}`,
        );
      }
    }
    const stored = path ? `; profile "${auth.profile}" in ${path} now holds it` : '';
    io.info(
      `${io.errStyle.green('✓')} Rotated the API key: the new key is ${maskKey(key)}${stored}${expires}. The old key ${maskKey(old)} no longer works.`,
    );
    if (fromEnv) {
      io.print(`${key}\n`);
      io.info('DATAFRAMER_API_KEY still holds the old key: set it, wherever it is set, to the new key printed on stdout (this once).');
    }
    return EXIT.OK;
  });
}
