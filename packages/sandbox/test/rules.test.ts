// The sandbox's enumerations and limits (src/internal/rules.ts) are the contract document's: each is read from
// the document here, so a change on either side fails until the other follows.
import { describe, expect, it } from 'vitest';
import {
  API,
  API_KEY_ROTATE_PATH,
  DATABRICKS_PARAMS,
  DATASET_TYPES,
  DEFAULT_EVALUATION_MODEL,
  DEFAULT_MODEL,
  DEFAULT_SPEC_MODEL,
  EVALUATION_MODELS,
  EVALUATION_STATUSES,
  EVALUATION_SUCCESS_STATUSES,
  KEY_ROTATION_LIMIT,
  LEGACY_EVALUATION_MODELS,
  GENERATION_MODELS,
  MAX_SAMPLE_INDICES,
  MAX_SAMPLES_PAGE,
  MAX_SAMPLES_PER_RUN,
  RUN_STATUSES,
  SEED_DATASET_LIMITS,
  SEED_SHUFFLING_LEVELS,
  SPEC_READY_STATUSES,
  SPEC_STATUSES,
  TERMINAL_RUN_STATUSES,
} from '../src/internal/rules';
import { readContract } from './contract';

type Json = Record<string, any>;

const doc = readContract();
const schemas = doc.components.schemas as Json;
const createRun = schemas.CreateRunRequest.properties as Json;

/** A node of the document with its `$ref`s followed. */
function follow(node: Json): Json {
  if (typeof node.$ref !== 'string') return node;
  const target = (node.$ref as string)
    .replace(/^#\//, '')
    .split('/')
    .reduce((acc: Json, key) => acc[key], doc);
  return follow(target);
}

/** The operation at a path of the API (relative to its prefix) and a method. */
function operation(path: string, method: string): Json {
  return doc.paths[`${API}${path}`][method] as Json;
}

describe("the sandbox's rules match the contract document", () => {
  it('serves every path of the document under its API prefix, but key rotation, which the document puts outside it', () => {
    const paths = Object.keys(doc.paths);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((path) => !path.startsWith(`${API}/`))).toEqual([API_KEY_ROTATE_PATH]);
  });

  it("key rotation's limit is the one its description states", () => {
    const said = /Rate limited to (\d+) requests per hour/.exec(doc.paths[API_KEY_ROTATE_PATH].post.description as string);
    expect(said, 'the rotation description states its limit').not.toBeNull();
    expect(KEY_ROTATION_LIMIT).toEqual({ requests: Number(said?.[1]), windowMs: 3_600_000 });
  });

  it('run statuses are RunStatus, and the terminal ones are those its description names', () => {
    expect(RUN_STATUSES).toEqual(schemas.RunStatus.enum);
    const named = /treat (.+?) as terminal/.exec(schemas.RunStatus.description as string)?.[1];
    expect(named, 'RunStatus names the terminal statuses').toBeDefined();
    expect(TERMINAL_RUN_STATUSES).toEqual((named as string).split(/, | and /));
  });

  it('spec statuses are SpecStatus; a usable spec is the status a create requires, or an older word for it', () => {
    expect(SPEC_STATUSES).toEqual(schemas.SpecStatus.enum);
    const required = (schemas.SpecStatus.enum as string[]).filter((status) => (createRun.spec_id.description as string).includes(status));
    expect(required).toHaveLength(1);
    expect(SPEC_READY_STATUSES).toEqual([...required, ...schemas.SpecStatus['x-older-values']]);
    // The SDK 0.3.1 list item spells every status either way.
    const listed = follow(operation('/specs/', 'get').responses['200'].content['application/json'].schema).items;
    expect(new Set([...SPEC_STATUSES, ...SPEC_READY_STATUSES])).toEqual(new Set(follow(listed).properties.status.enum));
  });

  it('dataset types are DatasetType', () => {
    expect(DATASET_TYPES).toEqual(schemas.DatasetType.enum);
  });

  it("generation models are GenerationModel, in its order, and the default is the create body's", () => {
    expect(GENERATION_MODELS).toEqual(schemas.GenerationModel.enum);
    expect(DEFAULT_MODEL).toBe(createRun.generation_model.default);
  });

  it("the databricks fields are the create body's databricks_ fields", () => {
    expect(DATABRICKS_PARAMS).toEqual(Object.keys(createRun).filter((name) => name.startsWith('databricks_')));
  });

  it('seed shuffling levels are SeedShufflingLevel', () => {
    expect(SEED_SHUFFLING_LEVELS).toEqual(follow(createRun.seed_shuffling_level).enum);
  });

  it('legacy evaluation models are the run-scoped create-evaluation enum', () => {
    const body = operation('/runs/{run_id}/evaluations/', 'post').requestBody.content['application/json'].schema;
    expect(LEGACY_EVALUATION_MODELS).toEqual(follow(body).properties.evaluation_model.enum);
  });

  it("evaluation models and their default are the create-evaluation body's", () => {
    const model = follow(operation('/evaluations/', 'post').requestBody.content['application/json'].schema).properties.evaluation_model;
    expect(EVALUATION_MODELS).toEqual(model.enum);
    expect(DEFAULT_EVALUATION_MODEL).toBe(model.default);
  });

  it('evaluation statuses are EvaluationStatus, and success is spelled as its x-evaluation-success-values', () => {
    expect(EVALUATION_STATUSES).toEqual(schemas.EvaluationStatus.enum);
    expect(EVALUATION_SUCCESS_STATUSES).toEqual(schemas.EvaluationStatus['x-evaluation-success-values']);
  });

  const uploadLimits = operation('/seed-datasets/create/', 'post')['x-limits'] as Json;
  const limitPairs = DATASET_TYPES.flatMap((type) => Object.keys(uploadLimits[type] as Json).map((limit) => [type, limit] as const));

  it("the seed-dataset limits name the dataset types and each type's x-limits, no more", () => {
    expect(Object.keys(SEED_DATASET_LIMITS)).toEqual(DATASET_TYPES);
    for (const type of DATASET_TYPES) expect(Object.keys(SEED_DATASET_LIMITS[type]).sort()).toEqual(Object.keys(uploadLimits[type]).sort());
  });

  it.each(limitPairs)("the %s limit %s is the upload's x-limits value", (type, limit) => {
    expect(SEED_DATASET_LIMITS[type][limit as keyof (typeof SEED_DATASET_LIMITS)[typeof type]]).toEqual(uploadLimits[type][limit]);
  });

  it("the spec model default is the spec-create body's", () => {
    const body = follow(operation('/specs/', 'post').requestBody.content['application/json'].schema);
    expect(DEFAULT_SPEC_MODEL).toBe(body.properties.spec_generation_model_name.default);
  });

  it('the sample limits are the maxima of number_of_samples, the samples page limit and indices', () => {
    expect(MAX_SAMPLES_PER_RUN).toBe(createRun.number_of_samples.maximum);
    const limit = (operation('/runs/{run_id}/samples/', 'get').parameters as Json[]).map(follow).find((p) => p.name === 'limit');
    expect(MAX_SAMPLES_PAGE).toBe(limit?.schema.maximum);
    const indices = follow(operation('/runs/{run_id}/samples/', 'post').requestBody.content['application/json'].schema);
    expect(MAX_SAMPLE_INDICES).toBe(indices.properties.indices.maxItems);
  });
});
