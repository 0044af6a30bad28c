import { inspect } from 'node:util';

/** Every text a caller, a log or a crash report could see of a value: message, String(), stack, toJSON(), inspect(), and a walk of every own property (enumerable or not) down the cause chain. */
export function everyTextOf(value: unknown): string[] {
  const texts: string[] = [];
  const seen = new Set<unknown>();
  const walk = (v: unknown, depth: number) => {
    if (depth > 12) return;
    if (typeof v === 'string') {
      texts.push(v);
      return;
    }
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) {
      texts.push(String(v));
      return;
    }
    if (seen.has(v)) return;
    seen.add(v);
    for (const key of Reflect.ownKeys(v as object)) {
      texts.push(String(key));
      let child: unknown;
      try {
        child = (v as Record<PropertyKey, unknown>)[key];
      } catch {
        continue;
      }
      walk(child, depth + 1);
    }
  };
  if (value instanceof Error) {
    texts.push(value.message, String(value), String(value.stack));
    const json = (value as { toJSON?: () => unknown }).toJSON;
    if (typeof json === 'function') texts.push(JSON.stringify(json.call(value)));
    texts.push(JSON.stringify(value));
  }
  texts.push(inspect(value, { depth: Infinity, showHidden: true, getters: true }));
  walk(value, 0);
  return texts;
}

/** The texts among `texts` that contain `needle`, shortened around it for the failure message. */
export function leaksOf(texts: string[], needle: string): string[] {
  return texts
    .filter((t) => t.includes(needle))
    .map((t) => {
      const at = t.indexOf(needle);
      return `…${t.slice(Math.max(0, at - 80), at + needle.length + 40)}…`;
    });
}
