import { html, nothing, type TemplateResult } from 'lit-html';
import type { ErrorView } from '../describeError';
import type { ViewActions } from './ViewActions';

/** An error box with what happened, what to do, the request id, and a retry button. */
export function messageView(error: ErrorView, actions: Pick<ViewActions, 'retry'>, note?: string): TemplateResult {
  const tone = error.kind === 'auth' ? 'auth' : 'error';
  return html`<div id="message" class=${`message message--${tone}`} role="alert" data-kind=${error.kind}>
    <h3>${error.title}</h3>
    <p>${error.text}</p>
    ${error.advice ? html`<p>${error.advice}</p>` : nothing}
    ${error.requestId ? html`<p class="muted">Request id: <code>${error.requestId}</code></p>` : nothing}
    ${note ? html`<p class="muted">${note}</p>` : nothing}
    <button type="button" class="primary" @click=${() => actions.retry()}>Retry</button>
  </div>`;
}
