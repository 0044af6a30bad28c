import type { Controller } from '../controller';

/** What the views can ask for; the controller's actions plus a retry of the current view's poll. */
export type ViewActions = Pick<
  Controller,
  | 'ask'
  | 'dismiss'
  | 'confirm'
  | 'prepareZip'
  | 'copyId'
  | 'chooseModel'
  | 'createRun'
  | 'setFilters'
  | 'loadFormData'
  | 'toggleCreate'
  | 'askEvaluate'
  | 'evaluationsPart'
> & {
  /** Loads the current view again now. */
  retry(): void;
};
