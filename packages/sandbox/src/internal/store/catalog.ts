import { SAMPLE_PROPERTIES } from './sampleProperties';

/** Simulated dollars per generated sample for a model. */
export function costPerSample(model: string): number {
  if (model.includes('opus')) return 0.012;
  if (model.includes('haiku') || model.includes('flash')) return 0.0008;
  if (model.includes('sonnet') || model.includes('gemini-3-pro') || model.includes('gpt-5')) return 0.004;
  return 0.0015;
}

/** The shape of the samples a seeded spec produces. */
export type SampleKind = 'ticket' | 'review' | 'note' | 'clause';

/** Produces one generated sample of the given kind from a few random draws. */
export function makeSample(
  kind: SampleKind,
  index: number,
  pick: <T>(items: readonly T[]) => T,
  int: (a: number, b: number) => number,
): Record<string, unknown> {
  switch (kind) {
    case 'ticket':
      return {
        ticket_id: `T-${String(10000 + index)}`,
        customer_message: `${pick(['My order', 'The invoice', 'My account', 'The mobile app'])} ${pick(['has not arrived', 'shows the wrong amount', 'is locked', 'crashes on start'])} ${pick(['since Monday.', 'again.', 'after the update.', 'and I need help.'])}`,
        category: pick(SAMPLE_PROPERTIES.ticket.category),
        priority: pick(SAMPLE_PROPERTIES.ticket.priority),
      };
    case 'review':
      return {
        product: pick(SAMPLE_PROPERTIES.review.product),
        review: `${pick(['Works well', 'Disappointing', 'Great value', 'Stopped working', 'Exactly as described'])}: ${pick(['would buy again.', 'returned it.', 'solid build.', 'battery could be better.'])}`,
        rating: Number(pick(SAMPLE_PROPERTIES.review.rating)),
      };
    case 'note':
      return {
        note: `Patient reports ${pick(['headache', 'fatigue', 'cough', 'back pain'])} for ${int(1, 14)} days.`,
        severity: pick(SAMPLE_PROPERTIES.note.severity),
      };
    case 'clause':
      return {
        clause: `${pick(SAMPLE_PROPERTIES.clause.party)} shall ${pick(SAMPLE_PROPERTIES.clause.obligation)} within ${int(5, 60)} days.`,
      };
  }
}
