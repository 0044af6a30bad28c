// What a Dataframer secret API key looks like: `sk_`, an environment (`live`, `test`), `_`, then the secret part.

/** Where a user finds their key, for messages that ask for one. */
export const API_KEY_LOCATION = 'Account → API Key at app.aimon.ai';

/** A key as it may appear inside some text: the prefix, an environment, `_`, then at least four characters. */
export const KEY_SHAPE = /\bsk_[A-Za-z0-9]+_[A-Za-z0-9_-]{4,}/g;

/** Masks a key for display: its prefix and last four characters (`sk_live_…a1b2`). */
export function maskKey(key: string): string {
  if (key.length < 12) return '…';
  return `${/^sk_[a-z]+_/.exec(key)?.[0] ?? ''}…${key.slice(-4)}`;
}

/** Whether a token is a secret API key (it starts with `sk_`) rather than a short-lived token. */
export function isSecretKey(token: string): boolean {
  return token.startsWith('sk_');
}
