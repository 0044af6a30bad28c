import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../src/index';
import { isLoopbackHost, normalizeBaseUrl } from '../src/internal/baseUrl';

const KEY = 'sk_test_FAKE0000000000000000';

/** The error normalizeBaseUrl throws for a value, or a failure when it throws none. */
function refusal(baseUrl: string): ConfigurationError {
  try {
    normalizeBaseUrl(baseUrl);
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error(`${baseUrl} was accepted`);
}

describe('normalizeBaseUrl', () => {
  it('drops every trailing slash of a gateway prefix', () => {
    expect(normalizeBaseUrl('https://gateway.example.test/dataframer//')).toBe('https://gateway.example.test/dataframer');
  });

  it('refuses a scheme that only ends in "https"', () => {
    expect(refusal('git+https://df-api.example.test').message).toContain('expected an absolute http(s) URL');
  });

  it('names the scheme and host of a URL it refuses', () => {
    expect(refusal('ftp://df-api.example.test/private?token=FAKE').message).toMatch(
      /^Invalid base URL \(ftp:\/\/df-api\.example\.test\): /,
    );
  });

  it('says only that the value is invalid when it is no URL at all, without echoing it (it may be a key)', () => {
    expect(refusal(KEY).message).toBe(
      'Invalid base URL: expected an absolute http(s) URL without credentials, query or fragment, like https://df-api.dataframer.ai',
    );
  });
});

describe('isLoopbackHost', () => {
  it('counts any 127.x.y.z address as this machine', () => {
    expect(isLoopbackHost('127.10.200.30')).toBe(true);
  });

  it('does not count a host that merely ends in "localhost"', () => {
    expect(isLoopbackHost('notlocalhost')).toBe(false);
  });

  it('does not count a public host whose name starts with "localhost" or "127.0.0.1"', () => {
    expect([isLoopbackHost('localhost.example.com'), isLoopbackHost('127.0.0.1.example.com')]).toEqual([false, false]);
  });
});
