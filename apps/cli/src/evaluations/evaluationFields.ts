import { evaluationSchema, evaluationSummarySchema } from '@df/node';
import { schemaFields } from '../schemaFields';

/** Fields `--json` offers for one evaluation: those of the evaluation schema. */
export const EVALUATION_FIELDS = schemaFields(evaluationSchema());

/** Fields `--json` offers for a run's evaluations: those of the evaluation summary schema. */
export const EVALUATION_SUMMARY_FIELDS = schemaFields(evaluationSummarySchema());
