import { RUN_STATUSES } from '@df/browser';
import { describe, expect, it } from 'vitest';
import { statusLook } from '../../src/statusLook';

describe('statusLook', () => {
  it('names known statuses and shows unknown ones as sent, in the neutral tone', () => {
    expect(statusLook('SUCCEEDED')).toMatchObject({ word: 'Succeeded', tone: 'succeeded' });
    expect(statusLook('RUNNING')).toMatchObject({ word: 'RUNNING', tone: 'unknown' });
    expect(statusLook('')).toMatchObject({ word: 'Unknown', tone: 'unknown' });
  });

  it('gives every status the SDK documents a tone of its own, never the neutral one', () => {
    const tones = RUN_STATUSES.map((status) => statusLook(status).tone);
    expect(tones).not.toContain('unknown');
    expect(new Set(tones).size).toBe(RUN_STATUSES.length);
  });
});
