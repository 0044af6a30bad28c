import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../src/index';
import { createKeyCheck } from '../src/internal/apiKey';

const KEY = 'sk_test_FAKE0000000000000000';
const LABEL = 'GET /api/dataframer/runs/';
const BASE = 'https://df-api.example.test';
const request = (url = `${BASE}/api/dataframer/runs/`) => new Request(url);

/** The error a key check throws, or a failure when it throws none. */
function refusal(check: () => unknown): ConfigurationError {
  try {
    check();
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error('the key was accepted');
}

describe('createKeyCheck', () => {
  it('sends a key read with a trailing line break without it', () => {
    expect(createKeyCheck(BASE)(`${KEY}\n`, request(), LABEL).key).toBe(KEY);
  });

  it('names the request when it refuses a key no header can carry', () => {
    expect(refusal(() => createKeyCheck(BASE)('sk_test_FAKE\u00e90000000000000000', request(), LABEL)).request).toBe(LABEL);
  });

  it('names the request when it refuses to send the key over plain http', () => {
    expect(refusal(() => createKeyCheck(BASE)(KEY, request('http://df-api.example.test/api/dataframer/runs/'), LABEL)).request).toBe(LABEL);
  });

  it("judges a request a hook moved elsewhere by its own URL, even when that URL ends with the base's", () => {
    const moved = request(`http://df-api.example.test.evil.test/?next=${BASE}/`);
    expect(refusal(() => createKeyCheck(BASE)(KEY, moved, LABEL)).message).toContain('Refusing to send the API key over plain http');
  });

  it('asks where the key came from once per key, not once per request', () => {
    const keys = [KEY, KEY, KEY, 'sk_test_FAKE1111111111111111'];
    let asked = 0;
    const check = createKeyCheck(BASE, () => {
      asked++;
      return 'DATAFRAMER_API_KEY';
    });
    for (const key of keys) check(key, request(), LABEL);
    expect(asked).toBe(new Set(keys).size);
  });
});
