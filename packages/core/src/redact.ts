import { KEY_SHAPE } from './keyShape';

const REPLACEMENT = '[REDACTED]';
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/gi;

/** Removes every known secret, bearer token and key-shaped string from a text before it is logged or put in an error. */
export function redact(text: string, secrets: readonly string[]): string {
  return withoutSecrets(text, secrets).replace(BEARER, `$1 ${REPLACEMENT}`).replace(KEY_SHAPE, REPLACEMENT);
}

/**
 * Removes the known secrets (the key this call sent) and nothing else: for a successful answer's body, which
 * is the user's own data, where a "Bearer …" or key-shaped text that is not our key is content, not a leak.
 */
export function withoutSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4 && out.includes(secret)) out = out.split(secret).join(REPLACEMENT);
  }
  return out;
}
