import { describe, expect, it } from 'vitest';
import { mayCarryKey } from '../src/index';

describe('mayCarryKey', () => {
  it('takes a URL given as text', () => {
    expect(mayCarryKey('https://df-api.example.test/api/dataframer/runs/')).toBe(true);
  });

  it('refuses plain http to another machine', () => {
    expect(mayCarryKey(new URL('http://df-api.example.test/api/dataframer/runs/'))).toBe(false);
  });

  it('refuses a scheme other than http(s), even to this machine', () => {
    expect(mayCarryKey('ftp://localhost/api/dataframer/runs/')).toBe(false);
  });
});
