import { writeConfig } from '../../../config';
import type { Context } from '../../../context';
import { EXIT } from '../../../exitCodes';
import { withSession } from '../../../session';
import type { LogoutOptions } from './flags';

/** `auth logout`: removes the profile's stored key. */
export function run(ctx: Context, options: LogoutOptions): Promise<number> {
  return withSession(ctx, options, async (s) => {
    const { io, auth } = s;
    const stored = auth.config.profiles[auth.profile];
    if (!stored?.api_key) {
      io.info(`No key is stored for profile "${auth.profile}".`);
    } else {
      const { api_key: _removed, ...rest } = stored;
      const profiles = { ...auth.config.profiles };
      if (Object.keys(rest).length === 0) delete profiles[auth.profile];
      else profiles[auth.profile] = rest;
      const path = writeConfig({ ...auth.config, profiles }, ctx.env);
      io.info(`${io.errStyle.green('✓')} Removed the key of profile "${auth.profile}" from ${path}`);
    }
    if (ctx.env['DATAFRAMER_API_KEY']) io.info('note: DATAFRAMER_API_KEY is still set in this environment and will be used.');
    return EXIT.OK;
  });
}
