import { describe, expect, it } from 'vitest';
import { defaultModel, readModels } from '../../src/readModels';

describe('readModels', () => {
  it('reads the open models shape: arrays of names or objects, under models/data or bare', () => {
    expect(readModels(['a/x', 'a/x', 'databricks/y']).map((m) => [m.id, m.needsDatabricks])).toEqual([
      ['a/x', false],
      ['databricks/y', true],
    ]);
    expect(readModels({ data: [{ name: 'p/m-thinking' }] })[0]).toMatchObject({ id: 'p/m-thinking', provider: 'p', thinking: true });
    expect(readModels({ models: [{ id: null }, 7, { model: 'q/z', default: true }] }).map((m) => m.id)).toEqual(['q/z']);
    expect(readModels(null)).toEqual([]);
    expect(defaultModel(readModels({ models: [{ id: 'q/z', default: true }] }))).toBe('q/z');
    expect(defaultModel([])).toBe('anthropic/claude-sonnet-4-6');
  });
});
