import { describe, expect, it } from 'vitest';
import { needsDatabricks } from '../../src/needsDatabricks';

describe('needsDatabricks', () => {
  it("answers as core's create schema does, for any of the three model parameters", () => {
    expect(needsDatabricks({ generation_model: 'databricks/databricks-gpt-5' })).toBe(true);
    expect(needsDatabricks({ revision_model: 'databricks/databricks-gpt-5' })).toBe(true);
    expect(needsDatabricks({ generation_model: 'anthropic/claude-haiku-4-5', outline_model: 'openai/gpt-oss-120b' })).toBe(false);
    expect(needsDatabricks({})).toBe(false);
  });
});
