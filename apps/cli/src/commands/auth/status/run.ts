import { existsSync } from 'node:fs';
import { maskKey } from '@df/node';
import { checkKey } from '../../../auth/checkKey';
import { configIsShared } from '../../../config';
import type { Context } from '../../../context';
import { EXIT } from '../../../exitCodes';
import { printFields } from '../../../format';
import { notLoggedIn, withSession } from '../../../session';
import type { StatusOptions } from './flags';

/** `auth status`: which key is in use, where it comes from (masked), and whether the server accepts it. */
export function run(ctx: Context, options: StatusOptions): Promise<number> {
  return withSession(ctx, options, async (s) => {
    const { io, auth } = s;
    const lines: Array<[string, string, string]> = [];
    // On a terminal, `Key  value` lines wrapped between words; piped, `key<TAB>value` lines with snake_case keys.
    const add = (key: string, value: string) => lines.push([io.outTty ? key : key.toLowerCase().replace(/ /g, '_'), value, value]);
    add('Profile', auth.profile);
    add('Config file', `${auth.configPath}${existsSync(auth.configPath) ? '' : ' (not created yet)'}`);
    add('Server', `${auth.baseUrl} (from ${auth.baseUrlSource})`);
    if (!auth.apiKey) {
      add('Key', 'none');
      printFields(io, lines);
      throw notLoggedIn(auth);
    }
    add('Key', `${maskKey(auth.apiKey)} (from ${auth.keySource})`);
    let code: number = EXIT.OK;
    if (!options.offline) {
      try {
        await checkKey(s, await s.client());
        add('Check', io.out.green('the server accepts this key'));
      } catch (error) {
        const e = error as { code?: string; message: string };
        code = e.code === 'authentication' ? EXIT.AUTH : EXIT.ERROR;
        add(
          'Check',
          io.out.red(
            e.code === 'authentication'
              ? 'the server rejected this key (401)'
              : e.code === 'permission_denied'
                ? 'the server knows this key but refused it here (403): it lacks permission'
                : `could not reach the server: ${e.message}`,
          ),
        );
      }
    }
    printFields(io, lines);
    if (configIsShared(auth.configPath))
      io.info(`warning: ${auth.configPath} is readable by other users; run: chmod 600 "${auth.configPath}"`);
    return code;
  });
}
