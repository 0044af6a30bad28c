import { runDetailSchema, runSchema, runtimeParamsSchema, type RunDetail } from '@df/node';
import { schemaFields } from '../schemaFields';

/** Fields `--json` offers for a run in a list: those of the run schema. */
export const RUN_FIELDS = schemaFields(runSchema());

/** Fields `--json` offers for one run: those of the run detail schema, then those of its runtime parameters. */
export const RUN_DETAIL_FIELDS = [...schemaFields(runDetailSchema()), ...schemaFields(runtimeParamsSchema())];

/**
 * One run as `--json` reads its fields: the run's own, and its runtime parameters by their own names
 * (`number_of_samples`, `generation_model`), as the piped output of `runs get` names them.
 */
export function runDetailFields(run: RunDetail): Record<string, unknown> {
  return { ...run.runtime_params, ...run };
}
