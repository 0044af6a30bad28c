import { html, type TemplateResult } from 'lit-html';
import type { AppState } from '../state';
import type { ViewActions } from './ViewActions';

const COPY_ICON = html`<svg aria-hidden="true" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.5"><rect x="5.5" y="5.5" width="8" height="8" rx="1.5" /><path d="M3.5 10.5h-1v-8h8v1" /></svg>`;

/** A one-click copy of a full id; its visible label keeps its width when it turns into "Copied". */
export function copyButton(
  id: string,
  what: string,
  state: Pick<AppState, 'copied'>,
  actions: Pick<ViewActions, 'copyId'>,
): TemplateResult {
  const copied = state.copied === id;
  return html`<button type="button" class="copy" data-copy=${id} @click=${() => void actions.copyId(id)}>
    ${copied ? html`<span aria-hidden="true">✓</span>` : COPY_ICON} ${copied ? 'Copied' : 'Copy'}<span class="visually-hidden"> ${what} id ${id}</span>
  </button>`;
}
