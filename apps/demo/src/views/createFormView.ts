import { MAX_SAMPLES_PER_RUN } from '@df/browser';
import { html, nothing, type TemplateResult } from 'lit-html';
import { describeError } from '../describeError';
import { formatCount } from '../format';
import { runHref } from '../route';
import { specChoice } from '../specChoice';
import type { AppState } from '../state';
import type { ViewActions } from './ViewActions';
import { advancedParamsView } from './advancedParamsView';
import { copyButton } from './copyButton';
import { ariaInvalid, errorLine } from './fieldError';
import { formValues } from './formValues';
import { modelSelect, offeredModels } from './modelSelect';

function specField(state: AppState, actions: Pick<ViewActions, 'loadFormData'>): TemplateResult {
  const errors = state.create.errors;
  const choices = (state.specs ?? []).map(specChoice);
  const usable = choices.filter((c) => c.usable);
  const unusable = choices.filter((c) => !c.usable);
  let options: TemplateResult;
  if (state.specs === undefined) {
    options = html`<option value="">${state.specsError === undefined ? 'Loading specs…' : 'Specs could not be loaded'}</option>`;
  } else {
    options = html`${usable.length === 0 ? html`<option value="">No spec ready to use</option>` : nothing}
      ${usable.map((c) => html`<option value=${c.id ?? ''}>${c.name}${c.reason ? ` (${c.reason})` : ''}</option>`)}
      ${
        unusable.length > 0
          ? html`<optgroup label="Cannot be used yet">
            ${unusable.map((c) => html`<option value=${c.id ?? ''} disabled>${c.name}: ${c.reason}</option>`)}
          </optgroup>`
          : nothing
      }`;
  }
  const note =
    state.specsError !== undefined
      ? html`<span class="field-note">${describeError(state.specsError, 'load the specs').title}.
          <button type="button" class="link" @click=${() => void actions.loadFormData()}>Try again</button></span>`
      : unusable.length > 0
        ? html`<span class="field-note">${unusable.length} more ${unusable.length === 1 ? 'spec is' : 'specs are'} not ready: see the end of the list.</span>`
        : nothing;
  return html`<div class="field field--spec">
    <label for="create-spec">Spec</label>
    <select id="create-spec" name="spec_id" required aria-invalid=${ariaInvalid(errors, 'spec_id')} aria-describedby="create-spec-error">
      ${options}
    </select>
    ${errorLine('create-spec', errors['spec_id'])} ${note}
  </div>`;
}

/** The create form: spec, version, samples and model in view, the other parameters behind a disclosure, then the submit button. */
export function createFormView(state: AppState, actions: ViewActions): TemplateResult {
  const { create } = state;
  const errors = create.errors;
  const starting = create.phase === 'starting';
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    void actions.createRun(formValues(form)).then(() => {
      const first = form.querySelector<HTMLElement>('[aria-invalid="true"]');
      // A field behind "Advanced parameters" is shown before it takes focus.
      first?.closest('details')?.setAttribute('open', '');
      first?.focus();
    });
  };
  const onModel = (event: Event) => {
    const select = event.target as HTMLSelectElement;
    actions.chooseModel(select.value);
    const chosen = offeredModels(state)?.find((m) => m.id === select.value);
    // Databricks models need credentials, which sit in the advanced part: open it so they can be filled in.
    if (chosen?.needsDatabricks) select.form?.querySelector('details')?.setAttribute('open', '');
  };
  const modelNote =
    state.modelsError !== undefined
      ? html`<span class="field-note">The server's model list could not be loaded; these are the models this page knows.</span>`
      : nothing;
  const open = state.createOpen;
  // On a phone the form starts closed, so the runs are on the first screen; on wide screens it is always open and the
  // toggle is hidden (CSS), so aria-expanded only ever describes what a user of the toggle sees.
  return html`<section aria-labelledby="create-heading" class=${open ? 'panel create' : 'panel create create--closed'}>
    <div class="create-head">
      <h2 id="create-heading">Start a run</h2>
      <button type="button" class="create-toggle" aria-expanded=${open ? 'true' : 'false'} aria-controls="create-form"
        @click=${() => actions.toggleCreate()}>${open ? 'Hide' : 'Show'}<span class="visually-hidden"> the form</span></button>
    </div>
    <form id="create-form" novalidate @submit=${onSubmit}>
      <div class="create-main">
        ${specField(state, actions)}
        <div class="field field--narrow">
          <label for="create-spec-version">Spec version</label>
          <input id="create-spec-version" name="spec_version" type="number" inputmode="numeric" min="1" step="1" placeholder="Latest"
            aria-invalid=${ariaInvalid(errors, 'spec_version')} aria-describedby="create-spec-version-error" />
          ${errorLine('create-spec-version', errors['spec_version'])}
        </div>
        <div class="field field--narrow">
          <label for="create-samples">Samples (1 to ${formatCount(MAX_SAMPLES_PER_RUN)})</label>
          <input id="create-samples" name="number_of_samples" type="number" inputmode="numeric" min="1" max=${MAX_SAMPLES_PER_RUN} step="1" value="100" required
            aria-invalid=${ariaInvalid(errors, 'number_of_samples')} aria-describedby="create-samples-error" />
          ${errorLine('create-samples', errors['number_of_samples'])}
        </div>
        ${modelSelect('create-model', 'generation_model', state, onModel)}
      </div>
      ${modelNote} ${advancedParamsView(state)}
      <div class="form-actions">
        <button type="submit" id="create-submit" ?disabled=${starting} aria-busy=${starting ? 'true' : 'false'}>Start run</button>
        <p id="create-result" class=${create.phase === 'failed' ? 'form-result field-error' : 'form-result'}>${create.message}</p>
        ${
          create.phase === 'started' && create.runId
            ? html`<a class="button" href=${runHref(create.runId)}>Open run</a> ${copyButton(create.runId, 'new run', state, actions)}`
            : nothing
        }
      </div>
    </form>
  </section>`;
}
