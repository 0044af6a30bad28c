import type { ModelList } from '@df/browser';
import { textOr } from './lenientValues';
import { needsDatabricks } from './needsDatabricks';

/** One generation model the create form offers. */
export interface ModelOption {
  id: string;
  provider: string;
  isDefault: boolean;
  /** Whether the create needs the caller's Databricks credentials with this model (the server's flag, or core's create schema). */
  needsDatabricks: boolean;
  thinking: boolean;
}

/** The model the API uses when a create names none (the contract's default). */
const SERVER_DEFAULT_MODEL = 'anthropic/claude-sonnet-4-6';

function items(list: unknown): unknown[] {
  if (Array.isArray(list)) return list;
  if (list && typeof list === 'object') {
    for (const key of ['models', 'data', 'results', 'items']) {
      const value = (list as Record<string, unknown>)[key];
      if (Array.isArray(value)) return value;
    }
  }
  return [];
}

/**
 * Reads `models.list()`, whose shape the contract leaves open: an array or an object holding one
 * (`models`, `data`, …) of names or of objects with an `id` (or `name`/`model`). Anything else is skipped.
 */
export function readModels(list: ModelList | unknown): ModelOption[] {
  const seen = new Set<string>();
  const out: ModelOption[] = [];
  for (const item of items(list)) {
    const record = item && typeof item === 'object' ? (item as Record<string, unknown>) : undefined;
    const id = textOr(item) ?? textOr(record?.['id']) ?? textOr(record?.['name']) ?? textOr(record?.['model']);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    out.push({
      id,
      provider: textOr(record?.['provider']) ?? (id.includes('/') ? (id.split('/')[0] ?? 'other') : 'other'),
      isDefault: record?.['default'] === true || record?.['is_default'] === true,
      needsDatabricks: record?.['requires_databricks_credentials'] === true || needsDatabricks({ generation_model: id }),
      thinking: record?.['thinking'] === true || id.endsWith('-thinking'),
    });
  }
  return out;
}

/** The model a create without `generation_model` gets: the one the server marks default, else the documented one. */
export function defaultModel(models: readonly ModelOption[]): string {
  return models.find((m) => m.isDefault)?.id ?? SERVER_DEFAULT_MODEL;
}
