import type { Context } from 'hono';
import type { Env } from '../AppContext';
import { detail } from '../respond';
import type { FieldErrors } from './FieldErrors';

/** A multipart form: every part's values by name, `files[]`-style names merged into their plain name. */
export type Form = Record<string, Array<string | File>>;

/**
 * Reads a multipart body (Hono's `parseBody`), as Django REST's MultiPartParser would: another content type
 * answers 415, a body that is not valid multipart 400.
 */
export async function readForm(c: Context<Env>): Promise<{ form: Form } | { error: Response }> {
  const contentType = c.req.header('content-type') ?? '';
  if (!/^multipart\/form-data\b/i.test(contentType)) {
    return { error: detail(c, 415, `Unsupported media type "${contentType}" in request; send multipart/form-data.`) };
  }
  let body: Record<string, string | File | Array<string | File>>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch (error) {
    return { error: detail(c, 400, `Multipart form parse error - ${(error as Error).message}`) };
  }
  const form: Form = {};
  for (const [key, value] of Object.entries(body)) {
    const name = key.endsWith('[]') ? key.slice(0, -2) : key;
    form[name] = [...(form[name] ?? []), ...(Array.isArray(value) ? value : [value])];
  }
  return { form };
}

/** Reads a text field of a form (its last value, as Django's QueryDict does), adding a field error when it is bad. */
export function textField(
  form: Form,
  name: string,
  errors: FieldErrors,
  rule: { required: boolean; maxLength?: number },
): string | undefined {
  const value = form[name]?.at(-1);
  const fail = (message: string): undefined => {
    errors[name] = [message];
    return undefined;
  };
  if (value === undefined) return rule.required ? fail('This field is required.') : undefined;
  if (typeof value !== 'string') return fail('Not a valid string: send this field as text, not as a file.');
  if (rule.required && value.trim() === '') return fail('This field may not be blank.');
  if (rule.maxLength !== undefined && value.length > rule.maxLength)
    return fail(`Ensure this field has no more than ${rule.maxLength} characters.`);
  return value;
}
