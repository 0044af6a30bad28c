import { html, type TemplateResult } from 'lit-html';

/** The create form's messages by parameter name. */
export type FieldErrors = Partial<Record<string, string>>;

/** The line under a field for its message, `<id>-error`, which the field names in aria-describedby. */
export function errorLine(id: string, message: string | undefined): TemplateResult {
  // Always rendered, with room for one line, so a message appearing does not move the form.
  return html`<p class="field-error" id=${`${id}-error`}>${message ?? ''}</p>`;
}

/** The value of a field's aria-invalid: whether it has a message. */
export const ariaInvalid = (errors: FieldErrors, name: string) => (errors[name] ? 'true' : 'false');
