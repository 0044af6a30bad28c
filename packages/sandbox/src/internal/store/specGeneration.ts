import { stringify } from 'yaml';
import { SPEC_FAILURE_MARKER, SPEC_GENERATION_MS } from '../rules';
import type { Timeline } from './createTimeline';
import type { Random } from './random';
import type { DatasetState, SpecState, Tenant } from './state';

/** What a spec create asks for, checked. */
export interface NewSpec {
  name: string;
  description: string;
  /** The seed dataset of a seeded spec, or null for a seedless one. */
  dataset: DatasetState | null;
  /** The generation objectives of a seedless spec, or null. */
  objectives: string | null;
  runtimeParams: Record<string, unknown>;
}

/** The properties a seedless spec varies when its objectives name none the sandbox could read. */
const SEEDLESS_PROPERTIES = ['topic', 'tone', 'length'];

/** Value sets a generated property draws from. */
const VALUE_SETS = [
  ['short', 'medium', 'long'],
  ['formal', 'neutral', 'casual'],
  ['common', 'uncommon', 'rare'],
  ['low', 'medium', 'high'],
];

/** Percentages summing to 100: drawn when distributions are generated, else as even as whole numbers allow. */
function percentages(count: number, generated: boolean, random: Random): number[] {
  const weights = Array.from({ length: count }, () => (generated ? 1 + random.int(0, 8) : 1));
  const total = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((w * 100) / total));
  shares[0] = (shares[0] as number) + 100 - shares.reduce((a, b) => a + b, 0);
  return shares;
}

/** The `spec:` YAML a generation ends with: what the dataset or the objectives describe, one variation per property. */
export function specContentYaml(spec: NewSpec, random: Random): string {
  const source = spec.dataset;
  const properties = (source ? source.properties : SEEDLESS_PROPERTIES).slice(0, 8);
  const generated = spec.runtimeParams.generate_distributions !== false;
  const description = source
    ? `Samples like those of the ${source.type} dataset "${source.name}" (${source.files.length} file${source.files.length === 1 ? '' : 's'}).`
    : `Samples generated from objectives: ${spec.objectives}`;
  const requirements = source
    ? `Each sample has the properties ${properties.join(', ')}, in the style of the seed data.`
    : (spec.objectives as string);
  const variations = properties.map((property) => {
    const values = random.pick(VALUE_SETS);
    const shares = percentages(values.length, generated, random);
    return {
      property_name: property,
      property_values: values,
      base_distributions: Object.fromEntries(values.map((value, i) => [value, shares[i]])),
    };
  });
  return stringify({ spec: { description, requirements, data_property_variations: variations } });
}

/** Whether a new spec's generation ends FAILED: the failure marker in its name or objectives, else a draw at the failure rate. */
export function specFails(spec: NewSpec, failureRate: number, random: Random): boolean {
  const marked = spec.name.includes(SPEC_FAILURE_MARKER) || (spec.objectives ?? '').includes(SPEC_FAILURE_MARKER);
  return random.next() < failureRate || marked;
}

/** A spec created through the API, PROCESSING from now on. */
export function newSpecState(
  tenant: Tenant,
  spec: NewSpec,
  fields: { id: string; now: number; timeline: Timeline; fails: boolean; contentYaml: string },
): SpecState {
  return {
    id: fields.id,
    companyId: tenant.id,
    name: spec.name,
    description: spec.description,
    status: 'PROCESSING',
    createdAt: fields.now,
    updatedAt: fields.now,
    datasetId: spec.dataset?.id ?? null,
    datasetName: spec.dataset?.name ?? null,
    // The contract's Spec: "MULTI_FILE for seedless specs".
    datasetType: spec.dataset?.type ?? 'MULTI_FILE',
    sampleKind: spec.dataset ? 'ticket' : 'review',
    versions: [],
    generation: { readySim: fields.timeline.sim(fields.now) + SPEC_GENERATION_MS, fails: fields.fails, contentYaml: fields.contentYaml },
    runtimeParams: spec.runtimeParams,
  };
}

/** Brings a spec created through the API up to simulated time `at`: once its generation is over it is SUCCEEDED with a first version, or FAILED. */
export function settleSpec(spec: SpecState, at: number, timeline: Timeline): SpecState {
  const generation = spec.generation;
  if (!generation || spec.status !== 'PROCESSING' || at < generation.readySim) return spec;
  const readyAt = Math.round(timeline.real(generation.readySim));
  spec.status = generation.fails ? 'FAILED' : 'SUCCEEDED';
  spec.updatedAt = readyAt;
  if (!generation.fails) spec.versions = [{ version: 1, createdAt: readyAt, contentYaml: generation.contentYaml }];
  return spec;
}
