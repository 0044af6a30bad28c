import { describe, expect, it } from 'vitest';
import { prepareRequest } from '../src/internal/prepareRequest';
import { RETRYABLE_STATUSES, isRetryableStatus } from '../src/retryableStatuses';
import type { AttemptFailure } from '../src/transport/AttemptFailure';
import { backoffMs, jittered, parseRetryAfter } from '../src/transport/backoff';
import { classifyConnectionFailure } from '../src/transport/classifyConnectionFailure';
import { classifyHttpFailure } from '../src/transport/classifyHttpFailure';
import { decideRetry } from '../src/transport/decideRetry';
import { ApiError, ConnectionError, ServerError } from '../src/index';
import { networkError } from './helpers';

const http = (status: number, retryAfter: string | null = null) =>
  classifyHttpFailure({
    status,
    text: '',
    retryAfter,
    request: 'GET /api/dataframer/runs/',
    url: 'https://x.test/api/dataframer/runs/',
    attempts: 1,
    now: 0,
  });

describe('prepareRequest', () => {
  it('turns a description into ky input and options', () => {
    expect(prepareRequest({ method: 'GET', path: '/api/dataframer/runs/', retry: 'safe' })).toEqual({
      input: 'api/dataframer/runs/',
      options: { method: 'GET' },
      label: 'GET /api/dataframer/runs/',
    });
    expect(
      prepareRequest(
        { method: 'POST', path: '/api/dataframer/runs/', body: { spec_id: 's', number_of_samples: 2 }, retry: 'create' },
        { name: 'idempotency-key', key: 'k-1' },
      ),
    ).toEqual({
      input: 'api/dataframer/runs/',
      options: { method: 'POST', headers: { 'idempotency-key': 'k-1' }, json: { spec_id: 's', number_of_samples: 2 } },
      label: 'POST /api/dataframer/runs/',
    });
    expect(
      prepareRequest({ method: 'GET', path: '/api/dataframer/runs/r/samples/', query: { offset: '5' }, retry: 'safe' }).options,
    ).toEqual({
      method: 'GET',
      searchParams: { offset: '5' },
    });
    expect(prepareRequest({ method: 'GET', path: '/api/dataframer/runs/', query: {}, retry: 'safe' }).options).toEqual({ method: 'GET' });
  });
});

describe('one definition of retryable', () => {
  it('is the same list for calls, errors and waits', () => {
    expect(RETRYABLE_STATUSES).toEqual([408, 429, 500, 502, 503, 504]);
    for (const status of [400, 401, 403, 404, 409, 422, 501, 505]) {
      expect(isRetryableStatus(status)).toBe(false);
      expect(http(status).retryable).toBe(false);
      expect(http(status).error.retryable).toBe(false);
    }
    for (const status of RETRYABLE_STATUSES) {
      expect(http(status).retryable).toBe(true);
      expect(http(status).error.retryable).toBe(true);
    }
  });
});

describe('classification', () => {
  it('reads what each failure proves about the server', () => {
    expect(http(429)).toMatchObject({ retryable: true, safeForCreate: true, mayHaveActed: false });
    expect(http(503, '2')).toMatchObject({ retryable: true, safeForCreate: true, mayHaveActed: false, retryAfterMs: 2000 });
    expect(http(503)).toMatchObject({ retryable: true, safeForCreate: false, mayHaveActed: true });
    expect(http(500)).toMatchObject({ retryable: true, safeForCreate: false, mayHaveActed: true });
    expect(http(400)).toMatchObject({ retryable: false, safeForCreate: false, mayHaveActed: false });
    expect(http(500).error).toBeInstanceOf(ServerError);
    // Retry-After counts only where the server turned the request away.
    expect(http(500, '2').retryAfterMs).toBeUndefined();
    const base = { request: 'POST /api/dataframer/runs/', attempts: 2, baseUrl: 'https://x.test', redact: (text: string) => text };
    expect(classifyConnectionFailure(networkError('ECONNREFUSED'), base)).toMatchObject({
      retryable: true,
      safeForCreate: true,
      mayHaveActed: false,
    });
    const reset = classifyConnectionFailure(networkError('ECONNRESET'), base);
    expect(reset).toMatchObject({ retryable: true, safeForCreate: false, mayHaveActed: true });
    expect(reset.error).toBeInstanceOf(ConnectionError);
    expect(reset.error.message).not.toContain('CORS');
    expect(classifyConnectionFailure(networkError('ECONNREFUSED'), { ...base, afterHeaders: true })).toMatchObject({
      safeForCreate: false,
      mayHaveActed: true,
    });
  });

  it('says a wrong base URL is the likely cause of a 404 on a collection, and only there', () => {
    const collection = classifyHttpFailure({
      status: 404,
      text: '',
      retryAfter: null,
      request: 'GET /api/dataframer/runs/',
      url: 'https://x.test/api/dataframer/api/dataframer/runs/',
      attempts: 1,
      now: 0,
    });
    expect(collection.error.message).toContain('The base URL is probably wrong: https://x.test/api/dataframer/api/dataframer/runs/');
    const one = classifyHttpFailure({
      status: 404,
      text: '{"detail":"Not found."}',
      retryAfter: null,
      request: 'GET /api/dataframer/runs/r1/',
      url: 'https://x.test/api/dataframer/runs/r1/',
      attempts: 1,
      now: 0,
    });
    expect(one.error.message).not.toContain('base URL');
    expect(one.error).toBeInstanceOf(ApiError);
  });
});

describe('retry decisions', () => {
  const failure = (over: Partial<AttemptFailure>): AttemptFailure => ({ ...http(500), ...over });
  it('backs off from 0.5 s, doubling to 8 s, with equal jitter', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(backoffMs)).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
    expect(jittered(1000, 0)).toBe(500);
    expect(jittered(1000, 0.5)).toBe(750);
  });

  it('repeats transient failures of safe requests after the jittered backoff or Retry-After', () => {
    expect(decideRetry({ failure: http(500), create: false, retry: 1, remainingMs: 60_000, random: 0.5 })).toEqual({
      retry: true,
      delayMs: 375,
      retryAfter: false,
    });
    expect(decideRetry({ failure: http(429, '7'), create: false, retry: 1, remainingMs: 60_000, random: 0.5 })).toEqual({
      retry: true,
      delayMs: 7000,
      retryAfter: true,
    });
    expect(decideRetry({ failure: http(404), create: false, retry: 1, remainingMs: 60_000, random: 0.5 })).toEqual({
      retry: false,
      stop: 'final',
    });
  });

  it('repeats a create only after a proven refusal', () => {
    expect(decideRetry({ failure: http(429, '1'), create: true, retry: 1, remainingMs: 60_000, random: 0 })).toMatchObject({ retry: true });
    expect(decideRetry({ failure: http(503, '1'), create: true, retry: 1, remainingMs: 60_000, random: 0 })).toMatchObject({ retry: true });
    expect(decideRetry({ failure: http(503), create: true, retry: 1, remainingMs: 60_000, random: 0 })).toEqual({
      retry: false,
      stop: 'not-safe-for-create',
    });
    expect(
      decideRetry({ failure: failure({ safeForCreate: true }), create: true, retry: 1, remainingMs: 60_000, random: 0 }),
    ).toMatchObject({ retry: true });
  });

  it('never starts a retry after the deadline', () => {
    expect(decideRetry({ failure: http(429, '120'), create: false, retry: 1, remainingMs: 30_000, random: 0 })).toEqual({
      retry: false,
      stop: 'deadline',
    });
    expect(decideRetry({ failure: http(500), create: false, retry: 3, remainingMs: 1999, random: 1 })).toEqual({
      retry: false,
      stop: 'deadline',
    });
    expect(decideRetry({ failure: http(500), create: false, retry: 3, remainingMs: 2001, random: 0.99 })).toMatchObject({ retry: true });
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('7', 0)).toBe(7000);
    expect(parseRetryAfter('1.5', 0)).toBe(1500);
    expect(parseRetryAfter(new Date(12_000).toUTCString(), 0)).toBe(12_000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(null, 0)).toBeUndefined();
  });
});

describe('what the retry policy tells the user', () => {
  const sent = { request: 'POST /api/dataframer/runs/', attempts: 1, baseUrl: 'https://x.test', redact: (text: string) => text };
  const withKey = (status: number) =>
    classifyHttpFailure({
      status,
      text: '',
      retryAfter: null,
      request: 'GET /api/dataframer/runs/',
      url: 'https://x.test/api/dataframer/runs/',
      attempts: 1,
      keyHint: 'sk_test_…0000 from DATAFRAMER_API_KEY',
      now: 0,
    });

  it('reads Retry-After with a fraction of more than one digit, and with blanks around it', () => {
    expect([parseRetryAfter('1.25', 0), parseRetryAfter(' 7 ', 0)]).toEqual([1250, 7000]);
  });

  it('ignores a Retry-After that only starts or only ends with seconds', () => {
    expect([parseRetryAfter('7 seconds', 0), parseRetryAfter('v7', 0)]).toEqual([undefined, undefined]);
  });

  it('says a 401 carried no key when none was sent', () => {
    expect(http(401).error.message).toContain('The request carried no API key');
  });

  it('says a 403 means the key lacks permission, without a key to name', () => {
    expect(http(403).error.message).toContain('The key is valid but lacks permission for this request');
  });

  it('names the key only on an authentication or permission failure', () => {
    expect([withKey(401).error, withKey(403).error, withKey(500).error].map((error) => (error as ApiError).keyHint)).toEqual([
      'sk_test_…0000 from DATAFRAMER_API_KEY',
      'sk_test_…0000 from DATAFRAMER_API_KEY',
      undefined,
    ]);
  });

  it.each(['ENOTFOUND', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'ENETUNREACH', 'EHOSTUNREACH'])(
    'treats %s as never sent: no connection was made, so even a create may be repeated',
    (code) => {
      expect(classifyConnectionFailure(networkError(code), sent).safeForCreate).toBe(true);
    },
  );

  it('treats a port fetch refuses outright as never sent, and says so', () => {
    const badPort = classifyConnectionFailure(new TypeError('fetch failed', { cause: new Error('bad port') }), sent);
    expect(badPort.safeForCreate).toBe(true);
    expect(badPort.error.message).toContain('fetch never connects to that port; run the server on another one (base URL https://x.test)');
  });

  it('tells a refused connection, a broken one and an answer cut off half-way apart', () => {
    expect(classifyConnectionFailure(networkError('ECONNREFUSED'), sent).error.message).toMatch(
      /; check the base URL \(https:\/\/x\.test\) and that the server is reachable$/,
    );
    expect(classifyConnectionFailure(networkError('ECONNRESET'), sent).error.message).toMatch(
      /; the connection broke before a full answer; check the network and proxy$/,
    );
    expect(classifyConnectionFailure(networkError('ECONNRESET'), { ...sent, afterHeaders: true }).error.message).toMatch(
      /; the answer broke off half-way; check the network and proxy$/,
    );
  });

  it('quotes a failure without an underlying cause as it is', () => {
    expect(classifyConnectionFailure(new TypeError('Failed to fetch'), sent).error.message).toBe(
      'Could not reach Dataframer for POST /api/dataframer/runs/: Failed to fetch; the connection broke before a full answer; check the network and proxy',
    );
  });

  it('gives up looking for a system error code after five errors of the chain, so causes that loop cannot hang it', () => {
    const looping = new TypeError('fetch failed');
    Object.assign(looping, { cause: looping });
    const endsInNull = new TypeError('fetch failed', { cause: null });
    // undici's two errors under four more layers: the code sits on the sixth error.
    const deep = ['retry', 'hook', 'proxy', 'agent'].reduce<Error>(
      (inner, layer) => new Error(layer, { cause: inner }),
      networkError('ECONNREFUSED'),
    );
    expect(classifyConnectionFailure(looping, sent).safeForCreate).toBe(false);
    expect(classifyConnectionFailure(endsInNull, sent).safeForCreate).toBe(false);
    expect(classifyConnectionFailure(deep, sent).safeForCreate).toBe(false);
  });

  it('stops a create on a final answer as final, not as unsafe to repeat', () => {
    expect(decideRetry({ failure: http(422), create: true, retry: 1, remainingMs: 60_000, random: 0 })).toEqual({
      retry: false,
      stop: 'final',
    });
  });

  it('does not start a retry whose pause ends exactly at the deadline', () => {
    expect(decideRetry({ failure: http(429, '2'), create: false, retry: 1, remainingMs: 2000, random: 0 })).toEqual({
      retry: false,
      stop: 'deadline',
    });
  });
});
