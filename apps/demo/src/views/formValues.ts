import type { CreateFormValues } from '../readCreateForm';

/**
 * Reads every named control of a form as a create parameter: a number from a number input, true for a ticked box,
 * trimmed text from the rest; a blank field or an unticked box is undefined (left out of the create).
 */
export function formValues(form: HTMLFormElement): CreateFormValues {
  const values: CreateFormValues = {};
  for (const element of Array.from(form.elements)) {
    const control = element as HTMLInputElement;
    if (!control.name) continue;
    const text = control.value.trim();
    if (control.type === 'checkbox') values[control.name] = control.checked || undefined;
    else if (text === '') values[control.name] = undefined;
    else values[control.name] = control.type === 'number' ? Number(text) : text;
  }
  return values;
}
