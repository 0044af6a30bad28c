import { defineCommand } from '../../program/defineCommand';
import { completionFlags } from './flags';

/** `completion SHELL`, a command of the root. */
export const completion = defineCommand({ name: 'completion', flags: completionFlags, handler: () => import('./run') });
