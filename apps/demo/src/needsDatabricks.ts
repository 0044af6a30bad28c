import { DATABRICKS_PARAMS, MAX_SAMPLES_PER_RUN, MODEL_PARAMS } from '@df/browser';
import { createRunIssues } from './createRunIssues';

/**
 * Whether core's create schema asks for the Databricks credentials with these models. The page asks the schema
 * with an otherwise valid create instead of knowing which models need them.
 */
export function needsDatabricks(models: Partial<Record<(typeof MODEL_PARAMS)[number], unknown>>): boolean {
  const probe: Record<string, unknown> = { spec_id: 'probe', number_of_samples: MAX_SAMPLES_PER_RUN };
  for (const name of MODEL_PARAMS) if (typeof models[name] === 'string') probe[name] = models[name];
  return createRunIssues(probe).some((issue) => (DATABRICKS_PARAMS as readonly string[]).includes(issue.path));
}
