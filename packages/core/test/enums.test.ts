import { describe, expect, it } from 'vitest';
import { isUsableSpecStatus } from '../src/index';

describe('isUsableSpecStatus', () => {
  it.each(['SUCCEEDED', 'READY'])('counts %s (the newest docs, and older servers) as usable', (status) => {
    expect(isUsableSpecStatus(status)).toBe(true);
  });

  it.each(['PROCESSING', 'FAILED', 'succeeded', null, undefined])('does not count %s as usable', (status) => {
    expect(isUsableSpecStatus(status)).toBe(false);
  });
});
