import { html, nothing, type TemplateResult } from 'lit-html';
import type { ErrorView } from '../describeError';
import { LIST_HREF } from '../route';
import type { ViewActions } from './ViewActions';

/** What the box offers next: a retry of what failed, or the way back to the list when retrying cannot help. */
type NextStep = 'retry' | 'back';

/** An error box with what happened, what to do, the request id, and one primary next step. */
export function messageView(
  error: ErrorView,
  actions: Pick<ViewActions, 'retry'>,
  { note, next = 'retry', extra }: { note?: string | undefined; next?: NextStep; extra?: TemplateResult } = {},
): TemplateResult {
  const tone = error.kind === 'auth' ? 'auth' : 'error';
  return html`<div id="message" class=${`message message--${tone}`} role="alert" data-kind=${error.kind}>
    <h3>${error.title}</h3>
    <p>${error.text}</p>
    ${error.advice ? html`<p>${error.advice}</p>` : nothing} ${extra ?? nothing}
    ${error.requestId ? html`<p class="muted">Request id: <code>${error.requestId}</code></p>` : nothing}
    ${note ? html`<p class="muted">${note}</p>` : nothing}
    ${
      next === 'back'
        ? html`<a class="button primary" href=${LIST_HREF}>Back to runs</a>`
        : html`<button type="button" class="primary" @click=${() => actions.retry()}>Retry</button>`
    }
  </div>`;
}
