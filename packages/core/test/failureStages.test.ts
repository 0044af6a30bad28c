import { describe, expect, it, vi } from 'vitest';
import {
  CallbackError,
  ConfigurationError,
  ConnectionError,
  createDataframerClient,
  createTransport,
  OutcomeUnknownError,
  RequestValidationError,
  type Runtime,
} from '../src/index';
import { FAKE_KEY, json, networkError, scriptedTransport, settle, useFakeClock } from './helpers';

const CREATE = { spec_id: 'spec-1', number_of_samples: 10 };

useFakeClock();

/** Runs a call to its end under fake timers and returns what it threw. */
async function failure(promise: Promise<unknown>): Promise<Error> {
  const outcome = settle(promise);
  await vi.advanceTimersByTimeAsync(60_000);
  const settled = await outcome;
  expect(settled.ok).toBe(false);
  return (settled as { error: Error }).error;
}

describe('a failure before anything reached the network is reported as what it is', () => {
  const cases: Array<{ stage: string; options: Parameters<typeof scriptedTransport>[1]; expected: string }> = [
    {
      stage: 'beforeRequest hook',
      options: {
        hooks: {
          beforeRequest: [
            () => {
              throw new Error('tracing is not set up');
            },
          ],
        },
      },
      expected: 'runs.create was not sent: your beforeRequest hook threw: tracing is not set up',
    },
    {
      stage: 'getToken',
      options: {
        getToken: () => {
          throw new Error('the vault is sealed');
        },
      },
      expected: 'runs.create was not sent: getToken() threw: the vault is sealed',
    },
  ];
  for (const { stage, options, expected } of cases) {
    it(`a throwing ${stage}: a CallbackError with its cause, never retried, never an unknown outcome`, async () => {
      const { transport, sent } = scriptedTransport([() => json(201, { id: 'r1' })], options);
      const error = await failure(createDataframerClient(transport).runs.create(CREATE));
      expect(error).toBeInstanceOf(CallbackError);
      expect(error).toMatchObject({ stage, requestSent: false });
      expect(error.message).toBe(expected);
      expect((error.cause as Error).message).toBe(expected.split('threw: ')[1]);
      expect(error.message).not.toMatch(/network|reach/i);
      expect(sent).toHaveLength(0);
    });
  }

  it('a key that is not a string: a ConfigurationError naming its type, not its value', async () => {
    const { transport, sent } = scriptedTransport([() => json(200, [])], { getToken: () => 12345 as unknown as string });
    const error = await failure(createDataframerClient(transport).runs.list());
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toBe('The API key must be a string, got a number; check where it is set');
    expect(sent).toHaveLength(0);
  });

  it('a body JSON cannot carry: a RequestValidationError, nothing sent', async () => {
    const { transport, sent } = scriptedTransport([() => json(200, {})]);
    const body: Record<string, unknown> = {};
    body['self'] = body;
    const error = await failure(createDataframerClient(transport).request({ method: 'POST', path: 'things/', body }));
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(error.message).toMatch(/^request could not be sent: .*circular/i);
    expect(sent).toHaveLength(0);
  });

  const fetches: Array<[string, Runtime['fetch']]> = [
    [
      'throws at once',
      () => {
        throw new Error('no route configured for this request');
      },
    ],
    ['rejects its input', async () => Promise.reject(new Error('no route configured for this request'))],
  ];
  for (const [how, fetch] of fetches) {
    it(`a custom fetch that ${how}: a CallbackError, not retried, not a connection failure`, async () => {
      let calls = 0;
      const { transport } = scriptedTransport([() => json(200, [])]);
      const runtime = { ...transport.runtime, fetch: (request: Request) => (calls++, fetch(request)) };
      const client = createDataframerClient(createTransport({ baseUrl: 'https://api.example.test', runtime, getToken: () => FAKE_KEY }));
      const error = await failure(client.runs.create(CREATE));
      expect(error).toBeInstanceOf(CallbackError);
      expect(error).toMatchObject({ stage: 'fetch', requestSent: false });
      expect(error.message).toContain('no route configured for this request');
      expect(calls).toBe(1);
    });
  }
});

describe('an unknown outcome only when a request may have reached the server', () => {
  it('a hook that fails on a retry after a refused create leaves the create known not to have happened', async () => {
    let attempt = 0;
    const { transport, sent } = scriptedTransport([() => json(429, {}, { 'retry-after': '1' }), () => json(201, { id: 'r1' })], {
      hooks: {
        beforeRequest: [
          () => {
            if (++attempt === 2) throw new Error('second attempt broke');
          },
        ],
      },
    });
    const error = await failure(createDataframerClient(transport).runs.create(CREATE));
    expect(error).toBeInstanceOf(CallbackError);
    expect(sent).toHaveLength(1);
  });

  it('a create whose answer is lost says how many attempts reached the network', async () => {
    const { transport, sent } = scriptedTransport([
      () => json(429, {}, { 'retry-after': '1' }),
      () => {
        throw networkError('ECONNRESET');
      },
    ]);
    const error = await failure(createDataframerClient(transport).runs.create(CREATE));
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error.cause).toBeInstanceOf(ConnectionError);
    expect(error.message).toContain(`(${sent.length} attempts reached the network)`);
  });

  it('an afterResponse hook that throws on a create: the server answered, so the outcome is unknown, with the hook named', async () => {
    const { transport } = scriptedTransport([() => json(201, { id: 'r1' })], {
      hooks: {
        afterResponse: [
          () => {
            throw new Error('metrics down');
          },
        ],
      },
    });
    const error = await failure(createDataframerClient(transport).runs.create(CREATE));
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error.cause).toBeInstanceOf(CallbackError);
    expect(error.cause).toMatchObject({ stage: 'afterResponse hook', requestSent: true });
  });
});
