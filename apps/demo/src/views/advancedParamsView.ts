import { DATABRICKS_PARAMS, SEED_SHUFFLING_LEVELS } from '@df/browser';
import { html, type TemplateResult } from 'lit-html';
import { paramLabel } from '../paramLabel';
import type { AppState } from '../state';
import { ariaInvalid, errorLine, type FieldErrors } from './fieldError';
import { modelSelect } from './modelSelect';

/** Whole-number parameters, 0 or more, offered behind "Advanced parameters". */
const COUNT_PARAMS = [
  'max_revision_cycles',
  'max_examples_in_prompt',
  'generation_thinking_budget',
  'outline_thinking_budget',
  'revision_thinking_budget',
] as const;

function countField(name: string, errors: FieldErrors): TemplateResult {
  const id = `create-${name.replaceAll('_', '-')}`;
  return html`<div class="field">
    <label for=${id}>${paramLabel(name)}</label>
    <input id=${id} name=${name} type="number" inputmode="numeric" min="0" step="1" placeholder="Server default"
      aria-invalid=${ariaInvalid(errors, name)} aria-describedby=${`${id}-error`} />
    ${errorLine(id, errors[name])}
  </div>`;
}

/** One Databricks credential; the three share the message line under them. */
function credentialField(id: string, name: string, label: string, errors: FieldErrors, type = 'text', placeholder = ''): TemplateResult {
  return html`<div class="field">
    <label for=${id}>${label}</label>
    <input id=${id} name=${name} type=${type} autocomplete="off" placeholder=${placeholder}
      aria-invalid=${ariaInvalid(errors, name)} aria-describedby="create-databricks-error" />
  </div>`;
}

/** The parameters behind "Advanced parameters": the other two models, seed shuffling, counts, switches and Databricks credentials. */
export function advancedParamsView(state: AppState): TemplateResult {
  const errors = state.create.errors;
  return html`<details class="advanced">
    <summary>Advanced parameters</summary>
    <div class="advanced-grid">
      ${modelSelect('create-outline-model', 'outline_model', state)}
      ${modelSelect('create-revision-model', 'revision_model', state)}
      <div class="field">
        <label for="create-seed-shuffling">${paramLabel('seed_shuffling_level')}</label>
        <select id="create-seed-shuffling" name="seed_shuffling_level" aria-invalid=${ariaInvalid(errors, 'seed_shuffling_level')} aria-describedby="create-seed-shuffling-error">
          <option value="">Server default</option>
          ${SEED_SHUFFLING_LEVELS.map((level) => html`<option value=${level}>${level}</option>`)}
        </select>
        ${errorLine('create-seed-shuffling', errors['seed_shuffling_level'])}
      </div>
      ${COUNT_PARAMS.map((name) => countField(name, errors))}
    </div>
    <fieldset class="switches">
      <legend>Steps</legend>
      <label class="check"><input type="checkbox" name="skip_outline" /><span>Skip the outline step</span></label>
      <label class="check"><input type="checkbox" name="unified_multifield" /><span>Generate all fields together (unified multifield)</span></label>
    </fieldset>
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
