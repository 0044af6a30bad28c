import { describe, expect, it } from 'vitest';
import { paramLabel } from '../../src/paramLabel';

describe('paramLabel', () => {
  it("says a parameter's name in words, or the page's own label where it has one", () => {
    expect(paramLabel('skip_outline')).toBe('Skip outline');
    expect(paramLabel('x_new_param')).toBe('X new param');
    expect(paramLabel('seed_shuffling_level')).toBe('Seed shuffling');
    expect(paramLabel('spec_id')).toBe('Spec');
  });
});
