import { GENERATION_MODELS } from '@df/browser';
import { html, nothing, type TemplateResult } from 'lit-html';
import { paramLabel } from '../paramLabel';
import { defaultModel, readModels, type ModelOption } from '../readModels';
import type { AppState } from '../state';
import { ariaInvalid, errorLine } from './fieldError';
import { selectValue } from './selectValue';

/** A model's name without its provider, which the option's group already shows: what fits a phone-wide select. */
function modelName(id: string): string {
  const slash = id.indexOf('/');
  return slash > 0 && slash < id.length - 1 ? id.slice(slash + 1) : id;
}

const NEEDS_DATABRICKS = 'needs Databricks credentials';

function modelOptions(models: readonly ModelOption[] | undefined): TemplateResult[] {
  const groups = new Map<string, ModelOption[]>();
  for (const model of models ?? []) groups.set(model.provider, [...(groups.get(model.provider) ?? []), model]);
  return [...groups].map(([provider, list]) => {
    // Said once for a group whose every model needs the credentials, else on each model that does.
    const whole = list.every((m) => m.needsDatabricks);
    return html`<optgroup label=${whole ? `${provider} (${NEEDS_DATABRICKS})` : provider}>
      ${list.map((m) => html`<option value=${m.id}>${modelName(m.id)}${m.needsDatabricks && !whole ? ` (${NEEDS_DATABRICKS})` : ''}</option>`)}
    </optgroup>`;
  });
}

/** The names the SDK knows, read once when first needed. */
let knownModels: readonly ModelOption[] | undefined;

/** The models to offer: the server's list, or when it could not be loaded, the names the SDK knows. */
export function offeredModels(state: AppState): readonly ModelOption[] | undefined {
  if (state.models) return state.models;
  if (state.modelsError === undefined) return undefined;
  knownModels ??= readModels(GENERATION_MODELS);
  return knownModels;
}

/** A model picker for one of the three model parameters, the server's default named in its empty choice. */
export function modelSelect(id: string, name: string, state: AppState, onChange?: (e: Event) => void): TemplateResult {
  const models = offeredModels(state);
  const errors = state.create.errors;
  const serverDefault = defaultModel(models ?? []);
  // Only the generation model is kept in the state (it decides whether Databricks fields are needed); the others stay as the user left them.
  const controlled = name === 'generation_model';
  return html`<div class="field field--model">
    <label for=${id}>${paramLabel(name)}</label>
    <select id=${id} name=${name} @change=${onChange} aria-invalid=${ariaInvalid(errors, name)} aria-describedby=${`${id}-error`}>
      <option value="">Default (${modelName(serverDefault)})</option>
      ${modelOptions(models)}${controlled ? selectValue(state.create.model) : nothing}
    </select>
    ${errorLine(id, errors[name])}
  </div>`;
}
