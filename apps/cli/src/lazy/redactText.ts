import { redact } from '@df/node';

/** `redact` of @df/node, in its own module so the bin loads the SDK only when a usage error is printed. */
export function redactText(text: string, secrets: readonly string[]): string {
  return redact(text, secrets);
}
