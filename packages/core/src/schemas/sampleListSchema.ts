import * as v from 'valibot';
import { freeObject } from './freeObjectSchema';
import { lenientSchemas, perMode, type ObjectOutput, type SchemaMode } from './SchemaMode';

/** The fields of one generated sample. */
export const generatedOutputEntries = (mode: SchemaMode) => ({
  generated_sample: mode.optional(freeObject()),
  // Open in every mode: the contract lets metadata carry more than its finish time.
  metadata: mode.optional(lenientSchemas.object({ finish_time: mode.optional(v.number()) })),
});

/** One generated sample and its metadata. */
export interface GeneratedOutput extends ObjectOutput<ReturnType<typeof generatedOutputEntries>> {}

/** The fields of a page of samples; the contract only shows an example, so none is required. */
export const sampleListEntries = (mode: SchemaMode) => {
  const integer = mode.optional(mode.integer());
  const string = mode.optional(v.string());
  return {
    task_id: string,
    /** The status of this page's task (`COMPLETED`), not the run's: read the run for that. */
    status: string,
    result: mode.optional(
      mode.object({ generated_outputs: mode.optional<GeneratedOutput[]>(v.array(mode.object(generatedOutputEntries(mode)))) }),
    ),
    total_samples: integer,
    /** Fewer than `limit` (or 0) means the end was reached. */
    returned_count: integer,
    sample_statuses: mode.optional(v.array(mode.object({ index: integer, status: string }))),
  };
};

/** One page of a run's samples, in finish-time order. */
export interface SampleList extends ObjectOutput<ReturnType<typeof sampleListEntries>> {}

/** Schema of `GET /runs/{id}/samples/`. */
export const sampleListSchema = /* @__PURE__ */ perMode<SampleList>((mode) => mode.object(sampleListEntries(mode)));
