import { examples } from '../../program/helpText';
import type { GroupDefinition } from '../../program/defineCommand';

/** `models`: the generation models. */
export const modelsGroup: GroupDefinition = {
  name: 'models',
  description: 'list generation models',
  help: examples('dataframer models list'),
};
