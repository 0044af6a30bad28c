import { html, nothing, type TemplateResult } from 'lit-html';
import { ref } from 'lit-html/directives/ref.js';
import { formatCost, formatCount, shortId } from '../format';
import { numberOr } from '../lenientValues';
import type { AppState } from '../state';
import type { ViewActions } from './ViewActions';

let opener: HTMLElement | null = null;

// Opens the dialog as modal when it is rendered, and gives focus back to whatever opened it when it goes away.
function modal(element: Element | undefined): void {
  if (element instanceof HTMLDialogElement) {
    if (element.open) return;
    opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // lit calls this before the dialog is attached to the document, where showModal() would throw.
    queueMicrotask(() => {
      if (element.isConnected && !element.open) element.showModal();
    });
  } else if (opener) {
    // Called just before the dialog leaves the document; while it is still modal, nothing behind it takes focus.
    const target = opener;
    opener = null;
    queueMicrotask(() => {
      if (target.isConnected) target.focus();
    });
  }
}

/** The confirmation asked before a run is cancelled, deleted or evaluated, as a modal dialog; nothing when none is asked. */
export function confirmView(state: AppState, actions: Pick<ViewActions, 'confirm' | 'dismiss'>): TemplateResult | typeof nothing {
  const confirmation = state.confirm;
  if (!confirmation) return nothing;
  const run = state.detail?.run?.id === confirmation.runId ? state.detail.run : state.runs?.find((r) => r.id === confirmation.runId);
  const id = shortId(confirmation.runId);
  const requested = state.requested.get(confirmation.runId);
  const done = numberOr(run?.samples_completed);
  const progressText =
    done === undefined
      ? ''
      : ` So far ${formatCount(done)}${typeof requested === 'number' ? ` of ${formatCount(requested)}` : ''} samples are done, for ${formatCost(run?.total_cost)}.`;
  const cancel = confirmation.action === 'cancel';
  const words =
    confirmation.action === 'evaluate'
      ? confirmation.words
      : {
          title: cancel ? `Cancel run ${id}?` : `Delete run ${id}?`,
          text: cancel
            ? `The run stops on the server and cannot be resumed.${progressText}`
            : 'The run and its generated files are removed from Dataframer. This cannot be undone.',
          keep: cancel ? 'Keep running' : 'Keep run',
          act: cancel ? 'Cancel run' : 'Delete run',
        };
  // Evaluating costs money but destroys nothing: its button is the page's primary one, not a red one.
  const actClass = confirmation.action === 'evaluate' ? 'primary' : 'danger-solid';
  return html`<dialog class="confirm" aria-labelledby="confirm-title" aria-describedby="confirm-text" ${ref(modal)} @close=${() => actions.dismiss()}>
    <h2 id="confirm-title">${words.title}</h2>
    <p id="confirm-text">${words.text}</p>
    <div class="confirm-buttons">
      <button type="button" autofocus @click=${() => actions.dismiss()}>${words.keep}</button>
      <button type="button" class=${actClass} @click=${() => void actions.confirm()}>${words.act}</button>
    </div>
  </dialog>`;
}
