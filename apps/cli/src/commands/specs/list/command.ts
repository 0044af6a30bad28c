import { defineCommand } from '../../../program/defineCommand';
import { specsGroup } from '../group';
import { listFlags } from './flags';

/** `specs list` */
export const specsList = defineCommand({ group: specsGroup, name: 'list', flags: listFlags, handler: () => import('./run') });
