import { defineCommand } from '../../../program/defineCommand';
import { runsGroup } from '../group';
import { samplesFlags } from './flags';

/** `runs samples ID` */
export const runsSamples = defineCommand({ group: runsGroup, name: 'samples', flags: samplesFlags, handler: () => import('./run') });
