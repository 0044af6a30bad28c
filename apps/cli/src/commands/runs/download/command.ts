import { defineCommand } from '../../../program/defineCommand';
import { runsGroup } from '../group';
import { downloadFlags } from './flags';

/** `runs download ID` */
export const runsDownload = defineCommand({ group: runsGroup, name: 'download', flags: downloadFlags, handler: () => import('./run') });
