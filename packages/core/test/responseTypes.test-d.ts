import type * as v from 'valibot';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  ApiKeyRotation,
  apiKeyRotationSchema,
  DistributionAnalysis,
  distributionAnalysisSchema,
  Evaluation,
  evaluationSchema,
  EvaluationStatus,
  EvaluationSummary,
  evaluationSummaryListSchema,
  evaluationSummarySchema,
  SampleClassification,
  sampleClassificationSchema,
  createRunResultSchema,
  CreateRunResult,
  DatasetType,
  freeObjectSchema,
  GeneratedFile,
  generatedFileSchema,
  GeneratedOutput,
  Health,
  ModelList,
  Run,
  RunDetail,
  runDetailSchema,
  RunFilesDownload,
  runFilesDownloadSchema,
  runListSchema,
  runSchema,
  RunStatus,
  RuntimeParams,
  runtimeParamsSchema,
  SampleList,
  sampleListSchema,
  SchemaMode,
  SeedShufflingLevel,
  Spec,
  SpecListItem,
  specListSchema,
  specSchema,
  SpecStatus,
} from '../src/index';
import type { apiKeyRotationEntries } from '../src/schemas/apiKeyRotationSchema';
import type { createRunResultEntries } from '../src/schemas/createRunResultSchema';
import type {
  distributionAnalysisEntries,
  evaluationEntries,
  evaluationSummaryEntries,
  sampleClassificationEntries,
} from '../src/schemas/evaluationSchema';
import type { runFilesDownloadEntries } from '../src/schemas/runFilesDownloadSchema';
import type { generatedFileEntries, runDetailEntries, runEntries, runtimeParamsEntries } from '../src/schemas/runSchema';
import type { generatedOutputEntries, sampleListEntries } from '../src/schemas/sampleListSchema';
import type { ObjectOutput } from '../src/schemas/SchemaMode';
import type { specListItemEntries } from '../src/schemas/specListSchema';
import type { specEntries } from '../src/schemas/specSchema';

/** What a response schema gives, in any mode. */
type Output<S extends (mode?: SchemaMode) => v.GenericSchema> = v.InferOutput<ReturnType<S>>;
/** What an object made of the fields `entries` builds gives. */
type Fields<F extends (mode: SchemaMode) => v.ObjectEntries> = ObjectOutput<ReturnType<F>>;
/** The fields a type names (its index signature left out). */
type Named<T> = { [K in keyof T as string extends K ? never : K]: T[K] };
/** The named fields a value must carry. */
type RequiredKeys<T> = { [K in keyof Named<T>]-?: Pick<Named<T>, K> extends Required<Pick<Named<T>, K>> ? K : never }[keyof Named<T>];

describe('each public response type is what its schema gives, field for field', () => {
  it('runs', () => {
    expectTypeOf<Run>().toEqualTypeOf<Output<typeof runSchema>>();
    expectTypeOf<Run>().toEqualTypeOf<Fields<typeof runEntries>>();
    expectTypeOf<Run[]>().toEqualTypeOf<Output<typeof runListSchema>>();
    expectTypeOf<RunDetail>().toEqualTypeOf<Output<typeof runDetailSchema>>();
    expectTypeOf<RunDetail>().toEqualTypeOf<Fields<typeof runDetailEntries>>();
    expectTypeOf<RuntimeParams>().toEqualTypeOf<Output<typeof runtimeParamsSchema>>();
    expectTypeOf<RuntimeParams>().toEqualTypeOf<Fields<typeof runtimeParamsEntries>>();
    expectTypeOf<GeneratedFile>().toEqualTypeOf<Output<typeof generatedFileSchema>>();
    expectTypeOf<GeneratedFile>().toEqualTypeOf<Fields<typeof generatedFileEntries>>();
  });

  it('creates and downloads', () => {
    expectTypeOf<CreateRunResult>().toEqualTypeOf<Output<typeof createRunResultSchema>>();
    expectTypeOf<CreateRunResult>().toEqualTypeOf<Fields<typeof createRunResultEntries>>();
    expectTypeOf<RunFilesDownload>().toEqualTypeOf<Output<typeof runFilesDownloadSchema>>();
    expectTypeOf<RunFilesDownload>().toEqualTypeOf<Fields<typeof runFilesDownloadEntries>>();
  });

  it('samples', () => {
    expectTypeOf<SampleList>().toEqualTypeOf<Output<typeof sampleListSchema>>();
    expectTypeOf<SampleList>().toEqualTypeOf<Fields<typeof sampleListEntries>>();
    expectTypeOf<GeneratedOutput>().toEqualTypeOf<Fields<typeof generatedOutputEntries>>();
  });

  it('evaluations and the key rotation', () => {
    expectTypeOf<Evaluation>().toEqualTypeOf<Output<typeof evaluationSchema>>();
    expectTypeOf<Evaluation>().toEqualTypeOf<Fields<typeof evaluationEntries>>();
    expectTypeOf<EvaluationSummary>().toEqualTypeOf<Output<typeof evaluationSummarySchema>>();
    expectTypeOf<EvaluationSummary>().toEqualTypeOf<Fields<typeof evaluationSummaryEntries>>();
    expectTypeOf<EvaluationSummary[]>().toEqualTypeOf<Output<typeof evaluationSummaryListSchema>>();
    expectTypeOf<DistributionAnalysis>().toEqualTypeOf<Output<typeof distributionAnalysisSchema>>();
    expectTypeOf<DistributionAnalysis>().toEqualTypeOf<Fields<typeof distributionAnalysisEntries>>();
    expectTypeOf<SampleClassification>().toEqualTypeOf<Output<typeof sampleClassificationSchema>>();
    expectTypeOf<SampleClassification>().toEqualTypeOf<Fields<typeof sampleClassificationEntries>>();
    expectTypeOf<ApiKeyRotation>().toEqualTypeOf<Output<typeof apiKeyRotationSchema>>();
    expectTypeOf<ApiKeyRotation>().toEqualTypeOf<Fields<typeof apiKeyRotationEntries>>();
  });

  it('specs, models and health', () => {
    expectTypeOf<Spec>().toEqualTypeOf<Output<typeof specSchema>>();
    expectTypeOf<Spec>().toEqualTypeOf<Fields<typeof specEntries>>();
    expectTypeOf<SpecListItem[]>().toEqualTypeOf<Output<typeof specListSchema>>();
    expectTypeOf<SpecListItem>().toEqualTypeOf<Fields<typeof specListItemEntries>>();
    expectTypeOf<ModelList>().toEqualTypeOf<Output<typeof freeObjectSchema>>();
    expectTypeOf<Health>().toEqualTypeOf<Output<typeof freeObjectSchema>>();
  });
});

describe('ObjectOutput is what valibot infers for the object schemas the modes build', () => {
  type Entries = {
    id: v.StringSchema<undefined>;
    note: v.NullishSchema<v.StringSchema<undefined>, undefined>;
    count: v.OptionalSchema<v.NumberSchema<undefined>, undefined>;
    ended: v.NullableSchema<v.StringSchema<undefined>, undefined>;
  };

  it('lenient: an open object, each field optional exactly where valibot lets it be absent', () => {
    expectTypeOf<Named<ObjectOutput<Entries>>>().toEqualTypeOf<Named<v.InferOutput<v.LooseObjectSchema<Entries, undefined>>>>();
    expectTypeOf<ObjectOutput<Entries>['other']>().toBeUnknown();
  });

  it('strict: the same fields without the unknown ones, so a subset of it', () => {
    expectTypeOf<v.InferOutput<v.StrictObjectSchema<Entries, undefined>>>().toEqualTypeOf<Named<ObjectOutput<Entries>>>();
    expectTypeOf<v.InferOutput<v.StrictObjectSchema<Entries, undefined>>>().toExtend<ObjectOutput<Entries>>();
  });
});

describe('the public types read as documented', () => {
  it('require only what the client cannot do without', () => {
    expectTypeOf<RequiredKeys<Run>>().toEqualTypeOf<'id' | 'status'>();
    expectTypeOf<RequiredKeys<RunDetail>>().toEqualTypeOf<'id' | 'status'>();
    expectTypeOf<RequiredKeys<CreateRunResult>>().toEqualTypeOf<'id'>();
    expectTypeOf<RequiredKeys<RunFilesDownload>>().toEqualTypeOf<'download_url'>();
    expectTypeOf<RequiredKeys<Spec>>().toEqualTypeOf<'id'>();
    expectTypeOf<RequiredKeys<SpecListItem>>().toEqualTypeOf<'id'>();
    expectTypeOf<RequiredKeys<SampleList>>().toBeNever();
    expectTypeOf<RequiredKeys<RuntimeParams>>().toBeNever();
    expectTypeOf<RequiredKeys<GeneratedFile>>().toBeNever();
    expectTypeOf<RequiredKeys<GeneratedOutput>>().toBeNever();
    expectTypeOf<RequiredKeys<Evaluation>>().toEqualTypeOf<'id' | 'status'>();
    expectTypeOf<RequiredKeys<EvaluationSummary>>().toEqualTypeOf<'id' | 'status'>();
    expectTypeOf<RequiredKeys<DistributionAnalysis>>().toBeNever();
    expectTypeOf<RequiredKeys<SampleClassification>>().toBeNever();
    expectTypeOf<RequiredKeys<ApiKeyRotation>>().toEqualTypeOf<'api_key'>();
  });

  it('name the open enumerations, and take any other field as unknown', () => {
    expectTypeOf<Run['status']>().toEqualTypeOf<RunStatus>();
    expectTypeOf<Run['dataset_type']>().toEqualTypeOf<DatasetType | null | undefined>();
    expectTypeOf<Spec['status']>().toEqualTypeOf<SpecStatus | null | undefined>();
    expectTypeOf<RuntimeParams['seed_shuffling_level']>().toEqualTypeOf<SeedShufflingLevel | (string & {}) | null | undefined>();
    expectTypeOf<Run['gpu_pool']>().toBeUnknown();
    expectTypeOf<Evaluation['status']>().toEqualTypeOf<EvaluationStatus>();
    expectTypeOf<EvaluationSummary['status']>().toEqualTypeOf<EvaluationStatus>();
  });

  it('give optional fields as value, null or absent, and nest the named types', () => {
    expectTypeOf<Run['completed_at']>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Run['total_cost']>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<RunDetail['runtime_params']>().toEqualTypeOf<RuntimeParams | null | undefined>();
    expectTypeOf<RunDetail['generated_files']>().toEqualTypeOf<GeneratedFile[] | null | undefined>();
    expectTypeOf<NonNullable<SampleList['result']>['generated_outputs']>().toEqualTypeOf<GeneratedOutput[] | null | undefined>();
    expectTypeOf<NonNullable<GeneratedOutput['metadata']>['finish_time']>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<Evaluation['distribution_analysis']>().toEqualTypeOf<DistributionAnalysis[] | null | undefined>();
    expectTypeOf<Evaluation['sample_classifications']>().toEqualTypeOf<SampleClassification[] | null | undefined>();
    expectTypeOf<DistributionAnalysis['evaluated_distributions']>().toEqualTypeOf<Record<string, number> | null | undefined>();
  });
});
