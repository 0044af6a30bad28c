import { notAnObject, type FieldErrors } from './FieldErrors';

/** Evaluation models the legacy create-evaluation body accepts (the contract's enum). */
const EVALUATION_MODELS = [
  'anthropic/claude-opus-4-5',
  'anthropic/claude-opus-4-5-thinking',
  'anthropic/claude-sonnet-4-5',
  'anthropic/claude-sonnet-4-5-thinking',
  'anthropic/claude-haiku-4-5',
] as const;

/** The model used when the body names none. */
const DEFAULT_EVALUATION_MODEL = 'anthropic/claude-sonnet-4-5';

/** Checks a create-evaluation body (`{ evaluation_model? }`; an empty body is fine). */
export function validateEvaluation(body: unknown): { errors: FieldErrors } | { value: { model: string } } {
  if (body === undefined) return { value: { model: DEFAULT_EVALUATION_MODEL } };
  const wrong = notAnObject(body);
  if (wrong) return { errors: wrong };
  const model = (body as Record<string, unknown>).evaluation_model;
  if (model === undefined) return { value: { model: DEFAULT_EVALUATION_MODEL } };
  if (typeof model !== 'string' || !(EVALUATION_MODELS as readonly string[]).includes(model)) {
    return { errors: { evaluation_model: [`"${String(model)}" is not a valid choice.`] } };
  }
  return { value: { model } };
}
