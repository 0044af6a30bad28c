import { GENERATION_MODELS, MAX_SAMPLES_PER_RUN, SEED_SHUFFLING_LEVELS } from '@df/browser';
import { html, nothing, type TemplateResult } from 'lit-html';
import { describeError } from '../describeError';
import { formatCount } from '../format';
import { defaultModel, readModels, type ModelOption } from '../readModels';
import type { CreateFormValues } from '../readCreateForm';
import { WHOLE_PARAMS } from '../readCreateForm';
import { runHref } from '../route';
import { specChoice } from '../specChoice';
import type { AppState } from '../state';
import type { ViewActions } from './ViewActions';
import { copyButton } from './copyButton';
import { selectValue } from './selectValue';

/** Reads every named control of a form: checkboxes as booleans, the rest as strings. */
export function formValues(form: HTMLFormElement): CreateFormValues {
  const values: CreateFormValues = {};
  for (const element of Array.from(form.elements)) {
    const control = element as HTMLInputElement;
    if (!control.name) continue;
    values[control.name] = control.type === 'checkbox' ? control.checked : control.value;
  }
  return values;
}

function error(errors: Partial<Record<string, string>>, field: string): TemplateResult {
  // Always rendered, with room for one line, so a message appearing does not move the form.
  return html`<p class="field-error" id=${`create-${field.replaceAll('_', '-')}-error`}>${errors[field] ?? ''}</p>`;
}

function modelOptions(models: readonly ModelOption[] | undefined): TemplateResult[] {
  const groups = new Map<string, ModelOption[]>();
  for (const model of models ?? []) groups.set(model.provider, [...(groups.get(model.provider) ?? []), model]);
  return [...groups].map(
    ([provider, list]) => html`<optgroup label=${provider}>
      ${list.map((m) => html`<option value=${m.id}>${m.id}${m.needsDatabricks ? ' (needs Databricks credentials)' : ''}</option>`)}
    </optgroup>`,
  );
}

/** The models to offer: the server's list, or when it could not be loaded, the names the SDK knows. */
function offeredModels(state: AppState): readonly ModelOption[] | undefined {
  return state.models ?? (state.modelsError !== undefined ? readModels(GENERATION_MODELS) : undefined);
}

function modelSelect(id: string, name: string, label: string, state: AppState, onChange?: (e: Event) => void): TemplateResult {
  const models = offeredModels(state);
  const serverDefault = defaultModel(models ?? []);
  // Only the generation model is kept in the state (it decides whether Databricks fields are needed); the others stay as the user left them.
  const controlled = name === 'generation_model';
  return html`<div class="field field--model">
    <label for=${id}>${label}</label>
    <select id=${id} name=${name} @change=${onChange}>
      <option value="">Server default (${serverDefault})</option>
      ${modelOptions(models)}${controlled ? selectValue(state.create.model) : nothing}
    </select>
  </div>`;
}

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
    <select id="create-spec" name="spec" required aria-invalid=${errors['spec'] ? 'true' : 'false'} aria-describedby="create-spec-error">
      ${options}
    </select>
    ${error(errors, 'spec')} ${note}
  </div>`;
}

function wholeField(name: string, label: string, errors: Partial<Record<string, string>>): TemplateResult {
  const id = `create-${name.replaceAll('_', '-')}`;
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <input id=${id} name=${name} type="number" inputmode="numeric" min="0" step="1" placeholder="Server default"
      aria-invalid=${errors[name] ? 'true' : 'false'} aria-describedby=${`${id}-error`} />
    ${error(errors, name)}
  </div>`;
}

function advanced(state: AppState): TemplateResult {
  const errors = state.create.errors;
  return html`<details class="advanced">
    <summary>Advanced parameters</summary>
    <div class="advanced-grid">
      ${modelSelect('create-outline-model', 'outline_model', 'Outline model', state)}
      ${modelSelect('create-revision-model', 'revision_model', 'Revision model', state)}
      <div class="field">
        <label for="create-seed-shuffling">Seed shuffling</label>
        <select id="create-seed-shuffling" name="seed_shuffling_level">
          <option value="">Server default</option>
          ${SEED_SHUFFLING_LEVELS.map((level) => html`<option value=${level}>${level}</option>`)}
        </select>
      </div>
      ${WHOLE_PARAMS.map(([name, label]) => wholeField(name, label, errors))}
      <div class="field field--checks">
        <label class="check"><input type="checkbox" name="skip_outline" /> Skip the outline step</label>
        <label class="check"><input type="checkbox" name="unified_multifield" /> Generate all fields together (unified multifield)</label>
      </div>
    </div>
    <fieldset class="databricks">
      <legend>Databricks credentials (only for <code>databricks/</code> models; sent with the create, never stored by this page)</legend>
      <div class="advanced-grid">
        <div class="field"><label for="create-db-id">Client id</label><input id="create-db-id" name="databricks_client_id" autocomplete="off" /></div>
        <div class="field"><label for="create-db-secret">Client secret</label><input id="create-db-secret" name="databricks_client_secret" type="password" autocomplete="off" /></div>
        <div class="field"><label for="create-db-base">API base</label><input id="create-db-base" name="databricks_api_base" type="url" autocomplete="off" placeholder="https://…databricks.com" /></div>
      </div>
      ${error(errors, 'databricks')}
    </fieldset>
  </details>`;
}

/** The create form: spec, version, samples and model in view, the other parameters behind a disclosure. */
export function createFormView(state: AppState, actions: ViewActions): TemplateResult {
  const { create } = state;
  const errors = create.errors;
  const starting = create.phase === 'starting';
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    void actions.createRun(formValues(form)).then(() => form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  };
  const onModel = (event: Event) => {
    const select = event.target as HTMLSelectElement;
    actions.chooseModel(select.value);
    const chosen = offeredModels(state)?.find((m) => m.id === select.value);
    // Databricks models need credentials, which sit in the advanced part: open it so they can be filled in.
    if (chosen?.needsDatabricks || select.value.startsWith('databricks/')) select.form?.querySelector('details')?.setAttribute('open', '');
  };
  const modelNote =
    state.modelsError !== undefined
      ? html`<span class="field-note">The server's model list could not be loaded; these are the models this page knows.</span>`
      : nothing;
  return html`<section aria-labelledby="create-heading" class="panel">
    <h2 id="create-heading">Start a run</h2>
    <form id="create-form" novalidate @submit=${onSubmit}>
      <div class="create-main">
        ${specField(state, actions)}
        <div class="field field--narrow">
          <label for="create-spec-version">Spec version</label>
          <input id="create-spec-version" name="spec_version" type="number" inputmode="numeric" min="1" step="1" placeholder="Latest"
            aria-invalid=${errors['spec_version'] ? 'true' : 'false'} aria-describedby="create-spec-version-error" />
          ${error(errors, 'spec_version')}
        </div>
        <div class="field field--narrow">
          <label for="create-samples">Samples (1 to ${formatCount(MAX_SAMPLES_PER_RUN)})</label>
          <input id="create-samples" name="samples" type="number" inputmode="numeric" min="1" max=${MAX_SAMPLES_PER_RUN} step="1" value="100" required
            aria-invalid=${errors['samples'] ? 'true' : 'false'} aria-describedby="create-samples-error" />
          ${error(errors, 'samples')}
        </div>
        ${modelSelect('create-model', 'generation_model', 'Generation model', state, onModel)}
        <div class="field field--submit">
          <button type="submit" id="create-submit" ?disabled=${starting} aria-busy=${starting ? 'true' : 'false'}>Start run</button>
        </div>
      </div>
      ${modelNote} ${advanced(state)}
      <div class="form-result-line">
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
