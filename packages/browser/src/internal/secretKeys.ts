import { ConfigurationError } from '@df/core';

/** The error thrown when a secret key is handed to the browser client without the explicit opt-in. */
export function secretKeyRefused(where: string): ConfigurationError {
  return new ConfigurationError(
    `Refusing a secret API key in the browser (${where}): anyone who opens the page can read it and spend your company's money. ` +
      'Instead (1) call createClient() without a key behind a same-origin proxy that adds it on your server, ' +
      'or (2) return a short-lived token from getToken(). Only for a page no one else opens: dangerouslyAllowSecretKeyInBrowser: true.',
  );
}
