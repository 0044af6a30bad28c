import { defineCommand } from '../../../program/defineCommand';
import { specsGroup } from '../group';
import { createFlags } from './flags';

/** `specs create` */
export const specsCreate = defineCommand({ group: specsGroup, name: 'create', flags: createFlags, handler: () => import('./run') });
