import type { FieldErrors } from './FieldErrors';

/** Reads an integer query parameter as a Django REST serializer would, adding a field error when it is bad. */
export function readInteger(
  raw: string | undefined,
  name: string,
  rule: { fallback: number; min: number; max?: number },
  errors: FieldErrors,
): number {
  if (raw === undefined || raw === '') return rule.fallback;
  if (!/^-?\d+$/.test(raw)) {
    errors[name] = ['A valid integer is required.'];
    return rule.fallback;
  }
  const value = Number(raw);
  if (value < rule.min) errors[name] = [`Ensure this value is greater than or equal to ${rule.min}.`];
  else if (rule.max !== undefined && value > rule.max) errors[name] = [`Ensure this value is less than or equal to ${rule.max}.`];
  return value;
}

/** Reads a boolean query parameter (`true`/`false`/`1`/`0`, any case), adding a field error when it is bad. */
export function readBoolean(raw: string | undefined, name: string, fallback: boolean, errors: FieldErrors): boolean {
  if (raw === undefined) return fallback;
  const value = raw.toLowerCase();
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  errors[name] = ['Must be a valid boolean.'];
  return fallback;
}
