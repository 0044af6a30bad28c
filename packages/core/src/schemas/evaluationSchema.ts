import * as v from 'valibot';
import { EVALUATION_STATUSES } from './enums';
import { freeObject } from './freeObjectSchema';
import { perMode, type ObjectOutput, type SchemaMode } from './SchemaMode';

/** The fields of one entry of `distribution_analysis`, in either shape the docs show: each optional. */
export const distributionAnalysisEntries = (mode: SchemaMode) => {
  const integer = mode.optional(mode.integer());
  /** Value to percentage of samples. */
  const percentages = mode.optional(v.record(v.string(), v.number()));
  return {
    property_name: mode.optional(v.string()),
    total_samples: integer,
    /** Newest shape: what the spec asked for. */
    requested_distributions: percentages,
    expected_distributions: percentages,
    /** Newest shape: what the samples were classified as. */
    evaluated_distributions: percentages,
    /** Older shape: what the samples were classified as. */
    observed_distributions: percentages,
    total_samples_analyzed: integer,
  };
};

/** One property's expected and observed distribution of values, in percent. */
export interface DistributionAnalysis extends ObjectOutput<ReturnType<typeof distributionAnalysisEntries>> {}

/** Schema of one entry of `distribution_analysis`. */
export const distributionAnalysisSchema = /* @__PURE__ */ perMode<DistributionAnalysis>((mode) =>
  mode.object(distributionAnalysisEntries(mode)),
);

/** The fields of one entry of `sample_classifications`. */
export const sampleClassificationEntries = (mode: SchemaMode) => ({
  id: mode.optional(mode.id()),
  evaluation_id: mode.optional(mode.id()),
  sample_identifier: mode.optional(v.string()),
  /** Property name to the value the sample was classified as. */
  classifications: mode.optional(v.record(v.string(), v.string())),
  /** Older answers only: per property, value to the files of a multi-file sample. */
  sub_file_classifications: mode.optional(mode.nullable(v.record(v.string(), v.record(v.string(), v.array(v.string()))))),
  created_at: mode.optional(mode.dateTime()),
});

/** How one generated sample was classified, property by property. */
export interface SampleClassification extends ObjectOutput<ReturnType<typeof sampleClassificationEntries>> {}

/** Schema of one entry of `sample_classifications`. */
export const sampleClassificationSchema = /* @__PURE__ */ perMode<SampleClassification>((mode) =>
  mode.object(sampleClassificationEntries(mode)),
);

/** The fields of an evaluation as the list of a run's evaluations shows them; the full evaluation adds the analysis. */
export const evaluationSummaryEntries = (mode: SchemaMode) => {
  const string = mode.optional(v.string());
  const nullableDateTime = mode.optional(mode.nullable(mode.dateTime()));
  return {
    id: mode.id(),
    /** `PENDING`, `PROCESSING`, then `SUCCEEDED` (or `COMPLETED`) or `FAILED`; any other value counts as not finished. */
    status: mode.openEnum(EVALUATION_STATUSES),
    run_id: mode.optional(mode.id()),
    /** 0 to 100: how closely the samples follow the spec's distributions; null until the evaluation succeeds. */
    conformance_score: mode.optional(mode.nullable(v.number())),
    started_at: nullableDateTime,
    completed_at: nullableDateTime,
    created_by_email: string,
    created_at: mode.optional(mode.dateTime()),
    status_display: string,
  };
};

/** An evaluation as listed by `GET /api/dataframer/runs/{run_id}/evaluations/`. Unknown fields are kept. */
export interface EvaluationSummary extends ObjectOutput<ReturnType<typeof evaluationSummaryEntries>> {}

/** Schema of one evaluation in a run's list. */
export const evaluationSummarySchema = /* @__PURE__ */ perMode<EvaluationSummary>((mode) => mode.object(evaluationSummaryEntries(mode)));

/** Schema of the bare array `GET /api/dataframer/runs/{run_id}/evaluations/` returns. */
export const evaluationSummaryListSchema = /* @__PURE__ */ perMode<EvaluationSummary[]>((mode) => v.array(evaluationSummarySchema(mode)));

/** The fields of `GET /api/dataframer/evaluations/{id}/`: the summary's, the analysis and what explains it. */
export const evaluationEntries = (mode: SchemaMode) => {
  const string = mode.optional(v.string());
  return {
    ...evaluationSummaryEntries(mode),
    conformance_explanation: string,
    /** Per property, expected against observed percentages; null until the evaluation succeeds. */
    distribution_analysis: mode.optional(mode.nullable(v.array(distributionAnalysisSchema(mode)))),
    /** How each sample was classified; empty until the evaluation succeeds. */
    sample_classifications: mode.optional(v.array(sampleClassificationSchema(mode))),
    /** Why the evaluation failed, when it did. */
    error_message: mode.optional(mode.nullable(v.string())),
    duration_seconds: mode.optional(v.number()),
    company_id: mode.optional(mode.id()),
    conformant_areas: string,
    non_conformant_areas: string,
    /** Internal details, among them the model that evaluated. */
    trace: mode.optional(freeObject()),
    created_by: mode.optional(mode.integer()),
    updated_at: mode.optional(mode.dateTime()),
  };
};

/** An evaluation as returned by its create and by `GET /api/dataframer/evaluations/{id}/`; field names as the API spells them. */
export interface Evaluation extends ObjectOutput<ReturnType<typeof evaluationEntries>> {}

/** Schema of `GET /api/dataframer/evaluations/{id}/` and of the create answer. */
export const evaluationSchema = /* @__PURE__ */ perMode<Evaluation>((mode) => mode.object(evaluationEntries(mode)));
