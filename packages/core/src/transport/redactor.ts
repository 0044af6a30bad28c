import { redact, withoutSecrets } from '../redact';

/** How many of the latest keys a client keeps masking: a token provider may hand out a fresh one per request. */
const REMEMBERED = 16;

/** Masks what a client has sent as its key; with the authorize step, the only holder of the key in a client. */
export interface Redactor {
  /** Adds a key (or the token it came from) to the values masked from now on. */
  remember(secret: string): void;
  /** For errors and log lines: the known keys, bearer tokens and key-shaped text masked. */
  redact(text: string): string;
  /** For a successful body, the user's data: only the known keys masked. */
  withoutSecrets(text: string): string;
}

/** Creates one client's redactor; clients share nothing, so one client's key never reaches another's messages. */
export function createRedactor(): Redactor {
  const secrets: string[] = [];
  return {
    remember(secret) {
      if (secrets.includes(secret)) return;
      secrets.push(secret);
      if (secrets.length > REMEMBERED) secrets.shift();
    },
    redact: (text) => redact(text, secrets),
    withoutSecrets: (text) => withoutSecrets(text, secrets),
  };
}
