import { DATABRICKS_PARAMS, GENERATION_MODELS, MAX_SAMPLES_PER_RUN, SEED_SHUFFLING_LEVELS } from '@df/browser';
import { html, nothing, type TemplateResult } from 'lit-html';
import { describeError } from '../describeError';
import { formatCount } from '../format';
import { defaultModel, readModels, type ModelOption } from '../readModels';
import { paramLabel } from '../paramLabel';
import { runHref } from '../route';
import { specChoice } from '../specChoice';
import type { AppState } from '../state';
import type { ViewActions } from './ViewActions';
import { copyButton } from './copyButton';
import { formValues } from './formValues';
import { selectValue } from './selectValue';

/** Whole-number parameters, 0 or more, offered behind "Advanced parameters". */
const COUNT_PARAMS = [
  'max_revision_cycles',
  'max_examples_in_prompt',
  'generation_thinking_budget',
  'outline_thinking_budget',
  'revision_thinking_budget',
] as const;

type Errors = Partial<Record<string, string>>;

/** The line under a field for its message, `<id>-error`, which the field names in aria-describedby. */
function errorLine(id: string, message: string | undefined): TemplateResult {
  // Always rendered, with room for one line, so a message appearing does not move the form.
  return html`<p class="field-error" id=${`${id}-error`}>${message ?? ''}</p>`;
}

const invalid = (errors: Errors, name: string) => (errors[name] ? 'true' : 'false');

function modelOptions(models: readonly ModelOption[] | undefined): TemplateResult[] {
  const groups = new Map<string, ModelOption[]>();
  for (const model of models ?? []) groups.set(model.provider, [...(groups.get(model.provider) ?? []), model]);
  return [...groups].map(
    ([provider, list]) => html`<optgroup label=${provider}>
      ${list.map((m) => html`<option value=${m.id}>${m.id}${m.needsDatabricks ? ' (needs Databricks credentials)' : ''}</option>`)}
    </optgroup>`,
  );
}

/** The names the SDK knows, read once when first needed. */
let knownModels: readonly ModelOption[] | undefined;

/** The models to offer: the server's list, or when it could not be loaded, the names the SDK knows. */
function offeredModels(state: AppState): readonly ModelOption[] | undefined {
  if (state.models) return state.models;
  if (state.modelsError === undefined) return undefined;
  knownModels ??= readModels(GENERATION_MODELS);
  return knownModels;
}

function modelSelect(id: string, name: string, state: AppState, onChange?: (e: Event) => void): TemplateResult {
  const models = offeredModels(state);
  const errors = state.create.errors;
  const serverDefault = defaultModel(models ?? []);
  // Only the generation model is kept in the state (it decides whether Databricks fields are needed); the others stay as the user left them.
  const controlled = name === 'generation_model';
  return html`<div class="field field--model">
    <label for=${id}>${paramLabel(name)}</label>
    <select id=${id} name=${name} @change=${onChange} aria-invalid=${invalid(errors, name)} aria-describedby=${`${id}-error`}>
      <option value="">Server default (${serverDefault})</option>
      ${modelOptions(models)}${controlled ? selectValue(state.create.model) : nothing}
    </select>
    ${errorLine(id, errors[name])}
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
    <select id="create-spec" name="spec_id" required aria-invalid=${invalid(errors, 'spec_id')} aria-describedby="create-spec-error">
      ${options}
    </select>
    ${errorLine('create-spec', errors['spec_id'])} ${note}
  </div>`;
}

function countField(name: string, errors: Errors): TemplateResult {
  const id = `create-${name.replaceAll('_', '-')}`;
  return html`<div class="field">
    <label for=${id}>${paramLabel(name)}</label>
    <input id=${id} name=${name} type="number" inputmode="numeric" min="0" step="1" placeholder="Server default"
      aria-invalid=${invalid(errors, name)} aria-describedby=${`${id}-error`} />
    ${errorLine(id, errors[name])}
  </div>`;
}

/** One Databricks credential; the three share the message line under them. */
function credentialField(id: string, name: string, label: string, errors: Errors, type = 'text', placeholder = ''): TemplateResult {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <input id=${id} name=${name} type=${type} autocomplete="off" placeholder=${placeholder}
      aria-invalid=${invalid(errors, name)} aria-describedby="create-databricks-error" />
  </div>`;
}

function advanced(state: AppState): TemplateResult {
  const errors = state.create.errors;
  return html`<details class="advanced">
    <summary>Advanced parameters</summary>
    <div class="advanced-grid">
      ${modelSelect('create-outline-model', 'outline_model', state)}
      ${modelSelect('create-revision-model', 'revision_model', state)}
      <div class="field">
        <label for="create-seed-shuffling">${paramLabel('seed_shuffling_level')}</label>
        <select id="create-seed-shuffling" name="seed_shuffling_level" aria-invalid=${invalid(errors, 'seed_shuffling_level')} aria-describedby="create-seed-shuffling-error">
          <option value="">Server default</option>
          ${SEED_SHUFFLING_LEVELS.map((level) => html`<option value=${level}>${level}</option>`)}
        </select>
        ${errorLine('create-seed-shuffling', errors['seed_shuffling_level'])}
      </div>
      ${COUNT_PARAMS.map((name) => countField(name, errors))}
      <div class="field field--checks">
        <label class="check"><input type="checkbox" name="skip_outline" /> Skip the outline step</label>
        <label class="check"><input type="checkbox" name="unified_multifield" /> Generate all fields together (unified multifield)</label>
      </div>
    </div>
    <fieldset class="databricks">
      <legend>Databricks credentials (only for <code>databricks/</code> models; sent with the create, never stored by this page)</legend>
      <div class="advanced-grid">
        ${credentialField('create-db-id', 'databricks_client_id', 'Client id', errors)}
        ${credentialField('create-db-secret', 'databricks_client_secret', 'Client secret', errors, 'password')}
        ${credentialField('create-db-base', 'databricks_api_base', 'API base', errors, 'url', 'https://…databricks.com')}
      </div>
      ${errorLine('create-databricks', DATABRICKS_PARAMS.map((name) => errors[name]).find(Boolean))}
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
  return html`<section aria-labelledby="create-heading" class="panel">
    <h2 id="create-heading">Start a run</h2>
    <form id="create-form" novalidate @submit=${onSubmit}>
      <div class="create-main">
        ${specField(state, actions)}
        <div class="field field--narrow">
          <label for="create-spec-version">Spec version</label>
          <input id="create-spec-version" name="spec_version" type="number" inputmode="numeric" min="1" step="1" placeholder="Latest"
            aria-invalid=${invalid(errors, 'spec_version')} aria-describedby="create-spec-version-error" />
          ${errorLine('create-spec-version', errors['spec_version'])}
        </div>
        <div class="field field--narrow">
          <label for="create-samples">Samples (1 to ${formatCount(MAX_SAMPLES_PER_RUN)})</label>
          <input id="create-samples" name="number_of_samples" type="number" inputmode="numeric" min="1" max=${MAX_SAMPLES_PER_RUN} step="1" value="100" required
            aria-invalid=${invalid(errors, 'number_of_samples')} aria-describedby="create-samples-error" />
          ${errorLine('create-samples', errors['number_of_samples'])}
        </div>
        ${modelSelect('create-model', 'generation_model', state, onModel)}
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
