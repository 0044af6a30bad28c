import { parse } from 'yaml';
import { notAnObject, type FieldErrors } from './FieldErrors';

/** The fields of a spec's `spec:` section a replace may set (the update page); `metadata:` is read-only and ignored. */
const EDITABLE_FIELDS = [
  'description',
  'requirements',
  'data_property_variations',
  'selected_sql_schema_column',
  'selected_sql_query_columns',
];

const isMapping = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks a replace body `{content_yaml}`: YAML that parses, with a `spec:` root key holding at least one editable field. */
export function validateReplaceSpec(body: unknown): { errors: FieldErrors } | { value: string } {
  const wrong = notAnObject(body);
  if (wrong) return { errors: wrong };
  const text = (body as Record<string, unknown>).content_yaml;
  const fail = (message: string) => ({ errors: { content_yaml: [message] } });
  if (text === undefined || text === null) return fail('This field is required.');
  if (typeof text !== 'string') return fail('Not a valid string.');
  if (text.trim() === '') return fail('This field may not be blank.');
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    return fail(`Invalid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (!isMapping(document) || !('spec' in document)) return fail('The YAML needs a "spec:" root key holding the spec\'s fields.');
  const spec = document.spec;
  if (!isMapping(spec) || !EDITABLE_FIELDS.some((field) => field in spec)) {
    return fail(`"spec:" must hold at least one of ${EDITABLE_FIELDS.join(', ')}.`);
  }
  return { value: text };
}
