import { describe, expect, it } from 'vitest';
import { statusLook } from '../../src/statusLook';

describe('statusLook', () => {
  it('names known statuses and shows unknown ones as sent, in the neutral tone', () => {
    expect(statusLook('SUCCEEDED')).toMatchObject({ word: 'Succeeded', tone: 'succeeded' });
    expect(statusLook('RUNNING')).toMatchObject({ word: 'RUNNING', tone: 'unknown' });
    expect(statusLook('')).toMatchObject({ word: 'Unknown', tone: 'unknown' });
  });
});
