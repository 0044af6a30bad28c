/**
 * The field names an object schema of the SDK lists (valibot keeps them as `entries`), or those of the items of an
 * array schema, in the schema's order: what `--json` offers comes from the schema that reads the answer.
 */
export function schemaFields(schema: object): string[] {
  const { entries, item } = schema as { entries?: object; item?: { entries?: object } };
  const fields = entries ?? item?.entries;
  if (!fields) throw new Error('the schema lists no fields');
  return Object.keys(fields);
}
