import type { SampleKind } from './catalog';

/**
 * The properties a spec of each sample kind describes, with the values its samples take: the samples are drawn
 * from these lists, and an evaluation classifies each sample by them.
 */
export const SAMPLE_PROPERTIES = {
  ticket: { category: ['shipping', 'billing', 'account', 'technical'], priority: ['low', 'medium', 'high'] },
  review: { product: ['kettle', 'headphones', 'backpack', 'desk lamp', 'blender'], rating: ['1', '2', '3', '4', '5'] },
  note: { severity: ['mild', 'moderate', 'severe'] },
  clause: { party: ['The Supplier', 'The Customer'], obligation: ['indemnify', 'notify', 'pay'] },
} as const satisfies Record<SampleKind, Record<string, readonly string[]>>;

/**
 * The value of each property of a sample: the field of that name, or (for properties written into a text, as a
 * clause's party) the first listed value the sample's text contains.
 */
export function classifySample(kind: SampleKind, sample: Record<string, unknown>): Record<string, string> {
  const text = Object.values(sample)
    .filter((v): v is string => typeof v === 'string')
    .join(' ');
  const properties: Record<string, readonly string[]> = SAMPLE_PROPERTIES[kind];
  return Object.fromEntries(
    Object.entries(properties).map(([name, values]) => {
      const field = sample[name];
      const value = field === undefined ? values.find((v) => text.includes(v)) : String(field);
      return [name, value ?? 'unclassified'];
    }),
  );
}
