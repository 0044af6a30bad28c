import * as v from 'valibot';
import { perMode } from './SchemaMode';

/** One generated sample and its metadata. */
export interface GeneratedOutput {
  generated_sample?: Record<string, unknown> | null;
  metadata?: { finish_time?: number | null; [key: string]: unknown } | null;
}

/** One page of a run's samples, in finish-time order. */
export interface SampleList {
  task_id?: string | null;
  /** The status of this page's task (`COMPLETED`), not the run's: read the run for that. */
  status?: string | null;
  result?: { generated_outputs?: GeneratedOutput[] | null } | null;
  total_samples?: number | null;
  /** Fewer than `limit` (or 0) means the end was reached. */
  returned_count?: number | null;
  sample_statuses?: Array<{ index?: number | null; status?: string | null }> | null;
}

/** Schema of `GET /runs/{id}/samples/`; the contract only shows an example, so nothing is required. */
export const sampleListSchema = /* @__PURE__ */ perMode<SampleList>((mode) => {
  const integer = mode.optional(mode.integer());
  const string = mode.optional(v.string());
  return mode.object({
    task_id: string,
    status: string,
    result: mode.optional(
      mode.object({
        generated_outputs: mode.optional(
          v.array(
            mode.object({
              generated_sample: mode.optional(v.record(v.string(), v.unknown())),
              metadata: mode.optional(v.looseObject({ finish_time: mode.optional(v.number()) })),
            }),
          ),
        ),
      }),
    ),
    total_samples: integer,
    returned_count: integer,
    sample_statuses: mode.optional(v.array(mode.object({ index: integer, status: string }))),
  });
});
