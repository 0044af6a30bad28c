import { examples } from '../../program/helpText';
import type { GroupDefinition } from '../../program/defineCommand';

/** `evaluations`: the scores of runs' data against their specs. */
export const evaluationsGroup: GroupDefinition = {
  name: 'evaluations',
  description: "show evaluations: how well a run's data matches its spec (start one with: runs evaluate)",
  help: `${examples(
    'dataframer runs evaluate RUN_ID --wait',
    'dataframer evaluations list RUN_ID',
    'dataframer evaluations get EVALUATION_ID',
  )}
An evaluation scores a SUCCEEDED run from 0 to 100 and compares each property's requested
distribution with the one found in the data.
`,
};
