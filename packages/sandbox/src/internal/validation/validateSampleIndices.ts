import { MAX_SAMPLE_INDICES } from '../rules';
import { notAnObject, type FieldErrors } from './FieldErrors';

/** Checks a `{ indices: [int] }` body the way a Django REST ListField would. */
export function validateSampleIndices(body: unknown): { errors: FieldErrors } | { value: number[] } {
  const wrong = notAnObject(body);
  if (wrong) return { errors: wrong };
  const indices = (body as Record<string, unknown>).indices;
  if (indices === undefined) return { errors: { indices: ['This field is required.'] } };
  if (!Array.isArray(indices)) return { errors: { indices: [`Expected a list of items but got type "${typeof indices}".`] } };
  if (indices.length > MAX_SAMPLE_INDICES)
    return { errors: { indices: [`Ensure this field has no more than ${MAX_SAMPLE_INDICES} elements.`] } };
  const items: Record<string, string[]> = {};
  indices.forEach((index, i) => {
    if (typeof index !== 'number' || !Number.isInteger(index)) items[i] = ['A valid integer is required.'];
    else if (index < 0) items[i] = ['Ensure this value is greater than or equal to 0.'];
  });
  return Object.keys(items).length > 0 ? { errors: { indices: items } } : { value: indices as number[] };
}
