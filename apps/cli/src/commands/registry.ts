// Every command of dataframer, in the order the help lists them. The program builds each from its definition and main
// runs each the same way; a test holds this list and the folders under commands/ to each other.
import type { CommandDefinition } from '../program/defineCommand';
import { authLogin } from './auth/login/command';
import { authLogout } from './auth/logout/command';
import { authRotate } from './auth/rotate/command';
import { authStatus } from './auth/status/command';
import { completion } from './completion/command';
import { evaluationsGet } from './evaluations/get/command';
import { evaluationsList } from './evaluations/list/command';
import { datasetsCreate } from './datasets/create/command';
import { datasetsDelete } from './datasets/delete/command';
import { datasetsGet } from './datasets/get/command';
import { datasetsList } from './datasets/list/command';
import { modelsList } from './models/list/command';
import { runsCancel } from './runs/cancel/command';
import { runsCreate } from './runs/create/command';
import { runsDelete } from './runs/delete/command';
import { runsDownload } from './runs/download/command';
import { runsEvaluate } from './runs/evaluate/command';
import { runsGet } from './runs/get/command';
import { runsList } from './runs/list/command';
import { runsSamples } from './runs/samples/command';
import { runsWatch } from './runs/watch/command';
import { specsCreate } from './specs/create/command';
import { specsGet } from './specs/get/command';
import { specsList } from './specs/list/command';
import { specsReplace } from './specs/replace/command';

/** Every command; a group comes into the help where its first command is listed. */
export const COMMANDS: readonly CommandDefinition[] = [
  runsList,
  runsGet,
  runsCreate,
  runsWatch,
  runsCancel,
  runsDelete,
  runsDownload,
  runsSamples,
  runsEvaluate,
  evaluationsList,
  evaluationsGet,
  specsList,
  specsGet,
  specsCreate,
  specsReplace,
  datasetsList,
  datasetsGet,
  datasetsCreate,
  datasetsDelete,
  modelsList,
  authLogin,
  authStatus,
  authRotate,
  authLogout,
  completion,
];
