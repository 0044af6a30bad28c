import { defineCommand } from '../../../program/defineCommand';
import { specsGroup } from '../group';
import { replaceFlags } from './flags';

/** `specs replace` */
export const specsReplace = defineCommand({ group: specsGroup, name: 'replace', flags: replaceFlags, handler: () => import('./run') });
