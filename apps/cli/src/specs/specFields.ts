import { specListSchema, specSchema } from '@df/node';
import { schemaFields } from '../schemaFields';

/** Fields `--json` offers for a spec in the list: those of the spec list's items. */
export const SPEC_FIELDS = schemaFields(specListSchema());

/** Fields `--json` offers for one spec: those of the spec schema. */
export const SPEC_DETAIL_FIELDS = schemaFields(specSchema());
