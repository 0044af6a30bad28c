/** Every Dataframer secret API key starts with this (`sk_live_…`, `sk_test_…`). */
const SECRET_KEY_PREFIX = 'sk_';

/** Where a user finds their key, for messages that ask for one. */
export const API_KEY_LOCATION = 'Account → API Key at app.aimon.ai';

/** A key as it may appear inside some text: the prefix, an environment, `_`, then at least four characters. */
export const KEY_SHAPE = new RegExp(`\\b${SECRET_KEY_PREFIX}[A-Za-z0-9]+_[A-Za-z0-9_-]{4,}`, 'g');

/** The part of a key that names it without giving it away (`sk_live_`), or `''` when it has none. */
export function keyPrefix(key: string): string {
  return new RegExp(`^${SECRET_KEY_PREFIX}[a-z]+_`).exec(key)?.[0] ?? '';
}

/** Whether a token is a secret API key rather than a short-lived token. */
export function isSecretKey(token: string): boolean {
  return token.startsWith(SECRET_KEY_PREFIX);
}
