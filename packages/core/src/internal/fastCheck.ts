/**
 * A schema's type checks compiled into one plain function, for the common case of a valid body: it
 * validates in place without building a copy. It covers the building blocks lenient schemas use; any
 * other schema (strict formats, enums) returns null and is checked by valibot alone. A false answer is
 * never final either: the caller then runs valibot, which decides and names each problem.
 */
type Check = (value: unknown) => boolean;

interface SchemaNode {
  type: string;
  wrapped?: SchemaNode;
  item?: SchemaNode;
  entries?: Record<string, SchemaNode>;
  key?: SchemaNode;
  value?: SchemaNode;
  default?: unknown;
}

const compiled = new WeakMap<object, Check | null>();

/** The compiled check of a valibot schema, or null when it uses anything this compiler does not cover. */
export function fastCheck(schema: object): Check | null {
  let check = compiled.get(schema);
  if (check === undefined) {
    check = compile(schema as SchemaNode);
    compiled.set(schema, check);
  }
  return check;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Kept small on purpose: it ships in every browser bundle.
function compile(node: SchemaNode): Check | null {
  const type = node.type;
  if (type === 'string' || type === 'boolean') return (x) => typeof x === type;
  if (type === 'number') return (x) => typeof x === 'number' && !Number.isNaN(x); // NaN is not a number to valibot
  if (type === 'unknown') return () => true;
  if (type === 'optional' || type === 'nullable' || type === 'nullish') {
    const inner = node.default === undefined && node.wrapped !== undefined && compile(node.wrapped);
    if (!inner) return null;
    if (type === 'nullish') return (x) => x === undefined || x === null || inner(x);
    const empty = type === 'optional' ? undefined : null;
    return (x) => x === empty || inner(x);
  }
  if (type === 'array' && node.item) {
    const item = compile(node.item);
    return item ? (x) => Array.isArray(x) && x.every((value) => item(value)) : null;
  }
  if (type === 'loose_object' && node.entries) {
    const entries: Array<[string, Check]> = [];
    for (const [key, schema] of Object.entries(node.entries)) {
      const check = compile(schema);
      if (!check) return null;
      entries.push([key, check]);
    }
    return (x) => isObject(x) && entries.every(([key, check]) => check(x[key]));
  }
  if (type === 'record' && node.key?.type === 'string' && node.value) {
    const value = compile(node.value);
    return value ? (x) => isObject(x) && Object.values(x).every((v) => value(v)) : null;
  }
  return null;
}
