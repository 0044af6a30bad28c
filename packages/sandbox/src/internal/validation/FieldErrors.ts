/** DRF-style field errors: field name to messages (or, for a list field, item index to messages). */
export type FieldErrors = Record<string, string[] | Record<string, string[]>>;

/** The error Django REST answers when a body is not a JSON object, or undefined when it is one. */
export function notAnObject(body: unknown): FieldErrors | undefined {
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) return undefined;
  const got = Array.isArray(body)
    ? 'list'
    : body === null
      ? 'null'
      : typeof body === 'number'
        ? 'int'
        : typeof body === 'string'
          ? 'str'
          : typeof body;
  return { non_field_errors: [`Invalid data. Expected a dictionary, but got ${got}.`] };
}
