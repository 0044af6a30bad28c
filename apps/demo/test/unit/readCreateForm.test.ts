import { DATABRICKS_PARAMS, MAX_SAMPLES_PER_RUN } from '@df/browser';
import { describe, expect, it } from 'vitest';
import { paramLabel } from '../../src/paramLabel';
import { readCreateForm } from '../../src/readCreateForm';
import { specs } from './fixtures';

/** The create form's Databricks fields, all left blank. */
const blankCredentials = Object.fromEntries(DATABRICKS_PARAMS.map((name) => [name, undefined]));

describe('readCreateForm', () => {
  it("takes the sample range from core's schema: its maximum passes, one more is refused at the samples field", () => {
    expect(readCreateForm({ spec_id: 's-ready', number_of_samples: MAX_SAMPLES_PER_RUN }, specs)).toEqual({
      ok: true,
      params: { spec_id: 's-ready', number_of_samples: MAX_SAMPLES_PER_RUN },
    });
    const over = readCreateForm({ spec_id: 's-ready', number_of_samples: MAX_SAMPLES_PER_RUN + 1 }, specs);
    expect(over.ok ? {} : over.errors).toEqual({ number_of_samples: 'Must be from 1 to 20,000, got 20,001.' });
  });

  it('asks for the Databricks credentials where the schema does, at the field its issue names', () => {
    const values = { spec_id: 's-ready', number_of_samples: 10, outline_model: 'databricks/databricks-gpt-5', ...blankCredentials };
    const missing = readCreateForm(values, specs);
    expect(missing.ok ? {} : Object.keys(missing.errors)).toEqual(['databricks_client_id']);
    const message = missing.ok ? '' : missing.errors['databricks_client_id'];
    for (const name of DATABRICKS_PARAMS) expect(message).toContain(paramLabel(name));

    const given = { databricks_client_id: 'id', databricks_client_secret: 'secret', databricks_api_base: 'https://x.databricks.com' };
    expect(readCreateForm({ ...values, ...given }, specs)).toEqual({ ok: true, params: { ...values, ...given } });
  });

  it('leaves filled-in credentials out when no chosen model needs them', () => {
    const values = {
      spec_id: 's-ready',
      number_of_samples: 10,
      generation_model: 'anthropic/claude-haiku-4-5',
      databricks_client_id: 'id',
    };
    expect(readCreateForm(values, specs)).toEqual({
      ok: true,
      params: { spec_id: 's-ready', number_of_samples: 10, generation_model: 'anthropic/claude-haiku-4-5' },
    });
  });

  it('refuses a spec the list says cannot be used, and a version past its latest', () => {
    const unusable = readCreateForm({ spec_id: 's-building', number_of_samples: 10 }, specs);
    expect(unusable.ok ? {} : unusable.errors).toEqual({ spec_id: 'This spec cannot be used: still being built.' });
    const newer = readCreateForm({ spec_id: 's-ready', number_of_samples: 10, spec_version: 3 }, specs);
    expect(newer.ok ? {} : newer.errors).toEqual({ spec_version: "This spec's latest version is 2." });
  });

  it('keeps an issue about a parameter the form has no field for apart from the field messages', () => {
    expect(readCreateForm({ number_of_samples: 10 }, specs)).toEqual({ ok: false, errors: {}, general: ['Spec is required.'] });
  });
});
