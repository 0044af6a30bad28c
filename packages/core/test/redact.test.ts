import { describe, expect, it } from 'vitest';
import { maskKey } from '../src/keyShape';
import { redact, withoutSecrets } from '../src/redact';

const KEY = 'sk_test_FAKE0000000000000000';

describe('redact', () => {
  it('keeps the word "Bearer" and masks only the token after it, however many blanks come between', () => {
    expect([redact('Authorization: Bearer abc.DEF-123', []), redact('Authorization: Bearer  abc.DEF-123', [])]).toEqual([
      'Authorization: Bearer [REDACTED]',
      'Authorization: Bearer [REDACTED]',
    ]);
  });

  it('masks a whole key-shaped string even when it is not a key this client sent', () => {
    expect(redact(`the server echoed ${KEY} back`, [])).toBe('the server echoed [REDACTED] back');
  });
});

describe('withoutSecrets', () => {
  it('masks a known secret of four characters, the shortest it trusts', () => {
    expect(withoutSecrets('token=FAKE;', ['FAKE'])).toBe('token=[REDACTED];');
  });

  it('leaves text alone for a secret shorter than four characters, which would mask ordinary words', () => {
    const body = '{"name":"a cat","total_cost":0.5}';
    expect(withoutSecrets(body, ['a'])).toBe(body);
  });
});

describe('maskKey', () => {
  it('shows the prefix and the last four characters of a key of twelve characters or more', () => {
    expect(maskKey('sk_test_FAKE')).toBe('sk_test_…FAKE');
  });

  it('shows nothing of a key shorter than twelve characters, where four characters would be a third of it', () => {
    expect(maskKey('sk_test_FAK')).toBe('…');
  });

  it('shows only the last four characters of a key that does not start with an sk_ prefix', () => {
    expect(maskKey(`Bearer ${KEY}`)).toBe('…0000');
  });
});
