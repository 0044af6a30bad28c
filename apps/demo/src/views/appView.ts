import { html, type TemplateResult } from 'lit-html';
import type { AppState } from '../state';
import type { ViewActions } from './ViewActions';
import { confirmView } from './confirmView';
import { createFormView } from './createFormView';
import { detailView } from './detailView';
import { runsView } from './runsView';

/** The whole page for a state: the list (create form and runs) or one run's page, and any open confirmation. */
export function appView(state: AppState, actions: ViewActions): TemplateResult {
  const body =
    state.route.name === 'detail' ? detailView(state, actions) : html`${createFormView(state, actions)}${runsView(state, actions)}`;
  return html`${body}${confirmView(state, actions)}`;
}
