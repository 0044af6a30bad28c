import { ConfigurationError } from '../errors/errors';
import { maskKey } from '../keyShape';
import { mayCarryKey } from '../mayCarryKey';

/** A key as it is sent: the token the provider gave, trimmed, and its masked hint for 401/403 messages. */
export interface CheckedKey {
  token: string;
  key: string;
  keyHint: string;
}

/**
 * The checks a key passes before it is put on a request: a value a header can carry, sent only over https or to
 * loopback. A steady key is checked and masked once, and the base URL judged once; a request a user's hook moved
 * elsewhere is judged by its own URL.
 */
export function createKeyCheck(
  base: string,
  tokenSource?: () => string | undefined,
): (token: string, request: Request, label: string) => CheckedKey {
  const baseMayCarryKey = mayCarryKey(new URL(base));
  const underBase = `${base}/`;
  let known: CheckedKey | undefined;
  return (token, request, label) => {
    if (known?.token !== token) {
      // fetch rejects such a header with a TypeError that quotes the whole value, key included, so it is refused here.
      if (/[^\x20-\x7e]/.test(token.trim())) {
        throw new ConfigurationError(
          'The API key has a character an HTTP header cannot carry (a line break, control or non-ASCII character); check where it is set',
          { request: label },
        );
      }
      const key = token.trim();
      const source = tokenSource?.();
      known = { token, key, keyHint: `${maskKey(key)}${source ? ` from ${source}` : ''}` };
    }
    if (!(request.url.startsWith(underBase) ? baseMayCarryKey : mayCarryKey(new URL(request.url)))) {
      throw new ConfigurationError(
        `Refusing to send the API key over plain http to ${new URL(request.url).host}: use https (plain http only to localhost, 127.0.0.1 or [::1])`,
        { request: label },
      );
    }
    return known;
  };
}
