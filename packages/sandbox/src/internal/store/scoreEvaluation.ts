import { CONFORMANT_DEVIATION } from '../rules';
import type { SampleKind } from './catalog';
import { classifySample, SAMPLE_PROPERTIES } from './sampleProperties';

/** One property of the spec: the share of each value it asks for and the share among the evaluated samples, in percent. */
interface PropertyDistribution {
  property: string;
  requested: Record<string, number>;
  evaluated: Record<string, number>;
  /** How far the evaluated distribution is from the requested one: total variation distance, 0 (equal) to 1. */
  deviation: number;
}

/** What a finished evaluation found. */
export interface EvaluationResult {
  /** 0 to 100, one decimal: 100 × (1 − the mean deviation of the spec's properties). */
  score: number;
  explanation: string;
  conformantAreas: string;
  nonConformantAreas: string;
  distributions: PropertyDistribution[];
  /** Each evaluated sample's value of every property, in finish-time order. */
  classifications: Array<Record<string, string>>;
}

const oneDecimal = (n: number): number => Math.round(n * 10) / 10;

const listed = (names: string[]): string => (names.length === 0 ? 'None.' : `${names.join(', ')}.`);

/**
 * Scores samples against the spec of their kind: each property of the spec asks for its values in equal shares,
 * and the score falls as the samples' shares move away from them. Pure, so a run's score depends on its samples only.
 */
export function scoreEvaluation(kind: SampleKind, samples: Array<Record<string, unknown>>): EvaluationResult {
  const classifications = samples.map((sample) => classifySample(kind, sample));
  const properties: Record<string, readonly string[]> = SAMPLE_PROPERTIES[kind];
  const distributions = Object.entries(properties).map(([property, values]): PropertyDistribution => {
    const counts = new Map<string, number>(values.map((v) => [v, 0]));
    for (const c of classifications) counts.set(c[property] as string, (counts.get(c[property] as string) ?? 0) + 1);
    const share = (value: string): number => (samples.length === 0 ? 0 : (counts.get(value) ?? 0) / samples.length);
    const seen = [...counts.keys()];
    const deviation =
      samples.length === 0 ? 1 : seen.reduce((sum, v) => sum + Math.abs(share(v) - (values.includes(v) ? 1 / values.length : 0)), 0) / 2;
    return {
      property,
      requested: Object.fromEntries(values.map((v) => [v, oneDecimal(100 / values.length)])),
      evaluated: Object.fromEntries(seen.map((v) => [v, oneDecimal(100 * share(v))])),
      deviation,
    };
  });
  const meanDeviation = distributions.reduce((sum, d) => sum + d.deviation, 0) / distributions.length;
  const score = oneDecimal(100 * (1 - meanDeviation));
  const conformant = distributions.filter((d) => d.deviation <= CONFORMANT_DEVIATION).map((d) => d.property);
  const nonConformant = distributions.filter((d) => d.deviation > CONFORMANT_DEVIATION).map((d) => d.property);
  const explanation =
    `${samples.length} sample${samples.length === 1 ? '' : 's'} classified by the spec's ${distributions.length} ` +
    `propert${distributions.length === 1 ? 'y' : 'ies'} (${Object.keys(properties).join(', ')}); their shares differ from the ` +
    `requested ones by ${oneDecimal(100 * meanDeviation)} percentage points on average, for a conformance score of ${score}.`;
  return {
    score,
    explanation,
    conformantAreas: listed(conformant),
    nonConformantAreas: listed(nonConformant),
    distributions,
    classifications,
  };
}
