import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import type { AppContext, Env } from '../AppContext';
import { auth, bearerKey } from '../middleware/auth';
import { faults } from '../middleware/faults';
import { detail } from '../respond';
import { API_KEY_LIFETIME_MS, API_KEY_ROTATE_PATH } from '../rules';

/** An ISO 8601 time as the contract's example writes `expires_at`: microseconds and `+00:00`. */
function pythonIso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000+00:00');
}

/** A key shown by its first and last four characters. */
function maskKey(key: string): string {
  return `${key.slice(0, 4)}****${key.slice(-4)}`;
}

/**
 * `POST /api/users/api-key/rotate` (outside the API prefix, without a trailing slash): the presented key is revoked at
 * once and a new one answered, at most `KEY_ROTATION_LIMIT` times per client address.
 */
export function apiKeysRoutes(ctx: AppContext): Hono<Env> {
  const keys = new Hono<Env>({ strict: true });
  keys.use(API_KEY_ROTATE_PATH, faults(ctx));
  keys.post(API_KEY_ROTATE_PATH, auth(ctx), (c) => {
    const client = c.env.incoming.socket.remoteAddress ?? 'unknown';
    const taken = ctx.keyRotations.take(client, ctx.store.now());
    if (!taken.allowed) {
      const seconds = taken.retryAfterSeconds;
      return detail(c, 429, `Request was throttled. Expected available in ${seconds} seconds.`, { 'Retry-After': String(seconds) });
    }
    const next = randomBytes(32).toString('hex');
    ctx.store.replaceKey(bearerKey(c.req.header('authorization')) as string, next);
    return c.json({ api_key: next, masked_key: maskKey(next), expires_at: pythonIso(ctx.store.now() + API_KEY_LIFETIME_MS) });
  });
  return keys;
}
