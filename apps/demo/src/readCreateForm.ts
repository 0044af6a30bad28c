import { createRunParamsSchema, DATABRICKS_PARAMS, type CreateRunParams, type SpecListItem } from '@df/browser';
import { createRunIssues } from './createRunIssues';
import { formatCount } from './format';
import { needsDatabricks } from './needsDatabricks';
import { paramLabel } from './paramLabel';
import { specChoice } from './specChoice';

/** The create form's values by parameter name: numbers, true for a ticked box, text; undefined where a field was left blank. */
export type CreateFormValues = Record<string, string | number | boolean | undefined>;

/** The create body, or the messages to show: one per field, and those that belong to no field of the form. */
export type CreateFormCheck = { ok: true; params: CreateRunParams } | { ok: false; errors: Record<string, string>; general: string[] };

/**
 * Core's message in the form's words, for the line under `field`: without the field's own name, which its label
 * already shows ("number_of_samples must be …" → "Must be …"), any other parameter named by its label, long
 * numbers grouped, a full stop at the end.
 */
function inFormWords(message: string, field: string): string {
  const own = message.startsWith(`${field} `) ? message.slice(field.length + 1).replace(/^is /, '') : message;
  const text = own
    .replace(/\b[a-z]\w*\b/g, (word) => (Object.hasOwn(createRunParamsSchema.entries, word) ? paramLabel(word) : word))
    .replace(/\b\d{4,}\b/g, (digits) => formatCount(Number(digits)));
  const sentence = own === message ? text : text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/**
 * Checks the create form with core's create schema (the one `runs.create` uses) and builds the body. Every problem
 * is reported at once, at the field its issue names; the spec's own state, which only the list knows, is checked here.
 */
export function readCreateForm(values: CreateFormValues, specs: readonly SpecListItem[]): CreateFormCheck {
  const params: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) if (value !== undefined) params[name] = value;
  // Credentials are sent only with a model the schema says needs them.
  if (!needsDatabricks(params)) for (const name of DATABRICKS_PARAMS) delete params[name];

  const errors: Record<string, string> = {};
  const general: string[] = [];
  for (const issue of createRunIssues(params)) {
    const field = issue.path.split('.')[0] ?? '';
    if (Object.hasOwn(values, field)) errors[field] ??= inFormWords(issue.message, field);
    else general.push(inFormWords(issue.message, ''));
  }

  const spec = specs.map(specChoice).find((choice) => choice.id === params['spec_id']);
  if (spec && !spec.usable) errors['spec_id'] ??= `This spec cannot be used: ${spec.reason}.`;
  const version = params['spec_version'];
  if (typeof version === 'number' && spec?.latestVersion !== undefined && version > spec.latestVersion)
    errors['spec_version'] ??= `This spec's latest version is ${spec.latestVersion}.`;

  if (Object.keys(errors).length > 0 || general.length > 0) return { ok: false, errors, general };
  return { ok: true, params: params as CreateRunParams };
}
