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
  if (check === undefined) compiled.set(schema, (check = compile(schema as SchemaNode)));
  return check;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function compile(node: SchemaNode): Check | null {
  switch (node.type) {
    case 'string':
      return (x) => typeof x === 'string';
    case 'number':
      return (x) => typeof x === 'number' && !Number.isNaN(x);
    case 'boolean':
      return (x) => typeof x === 'boolean';
    case 'unknown':
      return () => true;
    case 'optional':
    case 'nullable': {
      if (node.default !== undefined) return null;
      const inner = compile(node.wrapped!);
      if (!inner) return null;
      const empty = node.type === 'optional' ? undefined : null;
      return (x) => x === empty || inner(x);
    }
    case 'array': {
      const item = compile(node.item!);
      if (!item) return null;
      return (x) => {
        if (!Array.isArray(x)) return false;
        for (let i = 0; i < x.length; i++) if (!item(x[i])) return false;
        return true;
      };
    }
    case 'loose_object': {
      const keys = Object.keys(node.entries!);
      const checks: Check[] = [];
      for (const key of keys) {
        const check = compile(node.entries![key]!);
        if (!check) return null;
        checks.push(check);
      }
      return (x) => {
        if (!isObject(x)) return false;
        for (let i = 0; i < keys.length; i++) if (!checks[i]!(x[keys[i]!])) return false;
        return true;
      };
    }
    case 'record': {
      if (node.key?.type !== 'string') return null;
      const value = compile(node.value!);
      if (!value) return null;
      return (x) => {
        if (!isObject(x)) return false;
        for (const key in x) if (Object.hasOwn(x, key) && !value(x[key])) return false;
        return true;
      };
    }
    default:
      return null;
  }
}
