import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  API_KEY_LOCATION,
  AuthenticationError,
  buildRotateApiKeyRequest,
  createDataframerClient,
  OutcomeUnknownError,
  RateLimitError,
  rotateApiKey,
  ServerError,
  type TransportOptions,
} from '../src/index';
import { FAKE_KEY, findSecret } from './helpers';
import { answer, loopbackTransport, startLoopback, type Received } from './loopback';

// The rotation answers a key shaped like the docs' example: 64 lowercase hex characters, no `sk_` prefix.
const NEW_KEY = 'deadbeef'.repeat(8);
const ROTATE = '/api/users/api-key/rotate';
const ROTATION = { api_key: NEW_KEY, masked_key: 'dead****beef', expires_at: '2027-02-19T01:24:05.000000+00:00' };

/** What the server does with a rotation: answer it, refuse it (429, 503), or rotate and drop the connection. */
let onRotate:
  | 'rotate'
  | 'rotate-and-echo'
  | 'rate-limited'
  | 'rate-limited-briefly'
  | 'unavailable'
  | 'rotate-then-drop'
  | 'rotate-without-key';
/** The one key the server accepts; a rotation replaces it. */
let current: string;
let server: Awaited<ReturnType<typeof startLoopback>>;

beforeEach(async () => {
  onRotate = 'rotate';
  current = FAKE_KEY;
  server = await startLoopback((request, res) => {
    if (request.headers.authorization !== `Bearer ${current}`) return answer(res, 401, { detail: 'Invalid API key.' });
    if (request.url === '/api/dataframer/fail/') return answer(res, 400, { detail: `rejected, keys ${FAKE_KEY} and ${NEW_KEY}` });
    if (request.url !== ROTATE) return answer(res, 200, []);
    if (onRotate === 'rate-limited') return answer(res, 429, { detail: 'Request was throttled.' }, { 'retry-after': '3600' });
    if (onRotate === 'rate-limited-briefly') return answer(res, 429, { detail: 'Request was throttled.' }, { 'retry-after': '1' });
    if (onRotate === 'unavailable') return answer(res, 503, { detail: 'try later' });
    current = NEW_KEY;
    if (onRotate === 'rotate-then-drop') {
      res.socket?.destroy();
      return;
    }
    if (onRotate === 'rotate-without-key') return answer(res, 200, { masked_key: 'dead****beef' });
    // A server may echo anything in a header: the new key is masked there too from the moment it is known.
    return answer(res, 200, ROTATION, onRotate === 'rotate-and-echo' ? { 'x-request-id': `req ${NEW_KEY}` } : {});
  });
});
afterEach(() => server.close());

function client(options: Partial<TransportOptions> = {}) {
  const { transport, lines } = loopbackTransport(server.url, {}, { getToken: () => FAKE_KEY, ...options });
  return { client: createDataframerClient(transport), transport, lines };
}

const keysSent = () => server.received.map((r: Received) => `${r.method} ${r.url} ${r.headers.authorization}`);

async function failure(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: Error) => error,
  );
}

describe('apiKeys.rotate', () => {
  it('posts to the documented path, outside /api/dataframer/ and without a trailing slash, never to be repeated', () => {
    expect(buildRotateApiKeyRequest()).toEqual({ method: 'POST', path: ROTATE, retry: 'none' });
  });

  it('answers the new key, and the same client sends it on every later call and never the old one again', async () => {
    const { client: c } = client();
    await c.runs.list();
    const rotation = await c.apiKeys.rotate();
    await c.runs.list();
    await c.runs.list();
    expect(rotation).toEqual(ROTATION);
    expect(keysSent()).toEqual([
      `GET /api/dataframer/runs/ Bearer ${FAKE_KEY}`,
      `POST ${ROTATE} Bearer ${FAKE_KEY}`,
      `GET /api/dataframer/runs/ Bearer ${NEW_KEY}`,
      `GET /api/dataframer/runs/ Bearer ${NEW_KEY}`,
    ]);
  });

  it('switches the key for the standalone function too, whatever the token provider says afterwards', async () => {
    let asked = 0;
    const { transport } = loopbackTransport(server.url, {}, { getToken: () => (asked++, FAKE_KEY) });
    await rotateApiKey(transport);
    await createDataframerClient(transport).runs.list();
    expect(asked).toBe(1);
    expect(server.received.at(-1)?.headers.authorization).toBe(`Bearer ${NEW_KEY}`);
  });

  it('keeps the new key, and the old one, out of every log line and error message', async () => {
    const { client: c, lines } = client();
    await c.apiKeys.rotate();
    const error = await failure(c.request({ method: 'GET', path: 'fail/' }));
    expect(error.message).toContain('rejected, keys [REDACTED] and [REDACTED]');
    expect(lines.length).toBeGreaterThan(3);
    expect([...lines, error.message, JSON.stringify(error)].filter((text) => text.includes(NEW_KEY) || text.includes(FAKE_KEY))).toEqual(
      [],
    );
  });

  it('hands the new key to no hook of yours: not in a request, its options or context, nor in a response or its body', async () => {
    const leaks: string[] = [];
    const bodies: string[] = [];
    const look = async (...received: unknown[]) => {
      for (const [i, value] of received.entries()) {
        leaks.push(...findSecret(value, NEW_KEY, `argument ${i}`));
        if (value instanceof Response) bodies.push(await value.clone().text());
      }
    };
    const { client: c } = client({ hooks: { beforeRequest: [look], afterResponse: [look] } });
    await c.apiKeys.rotate();
    await c.runs.list();
    expect(server.received.at(-1)?.headers.authorization).toBe(`Bearer ${NEW_KEY}`);
    expect(bodies).toEqual(['', '[]']);
    expect(leaks).toEqual([]);
    expect(bodies.filter((body) => body.includes(NEW_KEY))).toEqual([]);
  });

  it('masks the new key in what onResponse gets about the rotation’s own answer', async () => {
    onRotate = 'rotate-and-echo';
    const { client: c } = client();
    const infos: unknown[] = [];
    await c.apiKeys.rotate({ onResponse: (info) => infos.push(info) });
    expect(infos).toEqual([expect.objectContaining({ status: 200, requestId: 'req [REDACTED]' })]);
    expect(JSON.stringify(infos)).not.toContain(NEW_KEY);
  });

  it('names the new key as the one refused when the server no longer takes it', async () => {
    const { client: c } = client();
    await c.apiKeys.rotate();
    current = 'sk_test_FAKE_rotated_again_0000';
    const error = (await failure(c.runs.list())) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.keyHint).toBe('…beef from apiKeys.rotate()');
  });

  it('switches before the call’s onResponse runs, so a throwing callback cannot leave the client on the dead key', async () => {
    const { client: c } = client();
    const error = await failure(
      c.apiKeys.rotate({
        onResponse: () => {
          throw new Error('metrics down');
        },
      }),
    );
    expect(error.message).toBe('metrics down');
    await c.runs.list();
    expect(server.received.at(-1)?.headers.authorization).toBe(`Bearer ${NEW_KEY}`);
  });

  it('is sent once, whatever maxRetries says: a 503 may come after the key was revoked', async () => {
    onRotate = 'unavailable';
    const { client: c } = client({ maxRetries: 5 });
    const error = await failure(c.apiKeys.rotate({ maxRetries: 5 }));
    expect(server.received).toHaveLength(1);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error.cause).toBeInstanceOf(ServerError);
  });

  it('is not repeated even after a refusal that proves nothing happened (429 with a short Retry-After)', async () => {
    onRotate = 'rate-limited-briefly';
    const error = await failure(client({ maxRetries: 5 }).client.apiKeys.rotate({ maxRetries: 5 }));
    expect(error).toBeInstanceOf(RateLimitError);
    expect(server.received).toHaveLength(1);
  });

  it('a 429 is a RateLimitError that says how often a key can be rotated and that the key was not changed', async () => {
    onRotate = 'rate-limited';
    const { client: c } = client();
    const error = (await failure(c.apiKeys.rotate())) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(3_600_000);
    expect(error.message).toContain('at most 5 times an hour from one IP address; the key was not changed');
    expect(server.received).toHaveLength(1);
    await c.runs.list();
    expect(server.received.at(-1)?.headers.authorization).toBe(`Bearer ${FAKE_KEY}`);
  });

  it('an answer lost after the server rotated is an OutcomeUnknownError that says the key may have changed and where to find it', async () => {
    onRotate = 'rotate-then-drop';
    const { client: c } = client();
    const error = (await failure(c.apiKeys.rotate())) as OutcomeUnknownError;
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error.message).toContain('apiKeys.rotate may or may not have changed the API key');
    expect(error.message).toContain(`look at ${API_KEY_LOCATION}`);
    expect(error.idempotencyKey).toBeUndefined();
    expect(server.received).toHaveLength(1);
  });

  it('an answer without the new key is an OutcomeUnknownError too: the old key may be gone', async () => {
    onRotate = 'rotate-without-key';
    const { client: c } = client();
    const error = await failure(c.apiKeys.rotate());
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error.message).toContain('api_key');
    await failure(c.runs.list());
    expect(server.received.at(-1)?.headers.authorization).toBe(`Bearer ${FAKE_KEY}`);
  });
});
