import { describe, expect, it } from 'vitest';
import { DEFAULT_BASE_URL, dataframerProxy, proxyTarget } from '../../dataframerProxy';

describe('proxyTarget', () => {
  it('accepts both documented base-URL forms, with or without a trailing slash', () => {
    for (const form of [
      'https://df-api.dataframer.ai',
      'https://df-api.dataframer.ai/',
      'https://df-api.dataframer.ai/api/dataframer',
      'https://df-api.dataframer.ai/api/dataframer/',
      'https://df-api.dataframer.ai/api/dataframer//',
    ]) {
      expect(proxyTarget(form), form).toBe('https://df-api.dataframer.ai');
    }
  });

  it('keeps any other path as a prefix (a gateway), with or without the API path after it', () => {
    expect(proxyTarget('https://gw.example.com/dataframer')).toBe('https://gw.example.com/dataframer');
    expect(proxyTarget('https://gw.example.com/dataframer/api/dataframer/')).toBe('https://gw.example.com/dataframer');
    expect(proxyTarget('http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787');
  });

  it('defaults to production and refuses what is not a server root, without echoing the value', () => {
    expect(proxyTarget(undefined)).toBe(DEFAULT_BASE_URL);
    expect(proxyTarget('  ')).toBe(DEFAULT_BASE_URL);
    expect(() => proxyTarget('sk_test_pasted_in_the_wrong_place')).toThrow(/not a URL/);
    expect(() => proxyTarget('sk_test_pasted_in_the_wrong_place')).not.toThrow(/sk_test/);
    expect(() => proxyTarget('https://user:pw@df-api.dataframer.ai')).toThrow(/without credentials/);
    expect(() => proxyTarget('ftp://df-api.dataframer.ai')).toThrow(/http\(s\)/);
  });

  it('forwards /api/dataframer/ to the normalised target', () => {
    const proxy = dataframerProxy({
      DATAFRAMER_BASE_URL: 'https://df-api.dataframer.ai/api/dataframer/',
      DATAFRAMER_API_KEY: 'sk_test_proxy',
    });
    expect(Object.keys(proxy)).toEqual(['/api/dataframer/']);
    expect(proxy['/api/dataframer/']!.target).toBe('https://df-api.dataframer.ai');
  });
});
