// The transport's errors: one typed error per failure, each saying what happened and what to do.
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  type ConflictError,
  createDataframerClient,
  NotFoundError,
  OutcomeUnknownError,
  PermissionDeniedError,
  ResponseValidationError,
  ServerError,
} from '../src/index';
import { FAKE_KEY, json, sampleRun, scriptedTransport, useFakeClock } from './helpers';

const CREATE = { spec_id: 'spec-1', number_of_samples: 10 };

useFakeClock();

describe('errors', () => {
  it('turns a Django detail into a readable typed error with the request id', async () => {
    const { transport } = scriptedTransport([() => json(404, { detail: 'Not found.' }, { 'x-request-id': 'req_42' })]);
    const error = await createDataframerClient(transport)
      .runs.retrieve('r1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, detail: 'Not found.', requestId: 'req_42', code: 'not_found' });
    expect((error as Error).message).toBe('404 Not Found from GET /api/dataframer/runs/r1/: Not found. [request id req_42]');
  });

  it('turns DRF field errors into a message and fieldErrors', async () => {
    const body = { number_of_samples: ['Ensure this value is less than or equal to 20000.'], non_field_errors: ['Spec is not ready.'] };
    const { transport } = scriptedTransport([() => json(400, body)]);
    const error = (await createDataframerClient(transport)
      .runs.create(CREATE)
      .catch((e: unknown) => e)) as BadRequestError;
    expect(error).toBeInstanceOf(BadRequestError);
    expect(error.fieldErrors).toEqual(body);
    expect(error.message).toBe(
      '400 Bad Request from POST /api/dataframer/runs/: number_of_samples: Ensure this value is less than or equal to 20000.; Spec is not ready.',
    );
  });

  it('describes a non-JSON error body instead of dumping it', async () => {
    const { transport } = scriptedTransport([() => new Response('<html>bad gateway</html>', { status: 502 })], { maxRetries: 0 });
    const error = (await createDataframerClient(transport)
      .runs.list()
      .catch((e: unknown) => e)) as ServerError;
    expect(error).toBeInstanceOf(ServerError);
    expect(error.message).toBe('502 Bad Gateway from GET /api/dataframer/runs/: the response body was not a JSON error (24 bytes)');
    expect(error.body).toBe('<html>bad gateway</html>');
  });

  it('maps 401 to AuthenticationError and does not retry it', async () => {
    const { transport, sent } = scriptedTransport([() => json(401, { detail: 'Invalid API key.' })]);
    await expect(createDataframerClient(transport).runs.list()).rejects.toBeInstanceOf(AuthenticationError);
    expect(sent).toHaveLength(1);
  });

  it('reports a response that breaks the contract with the path of each problem', async () => {
    const { transport } = scriptedTransport([() => json(200, [sampleRun(), sampleRun({ samples_completed: '5' })])]);
    const error = (await createDataframerClient(transport)
      .runs.list()
      .catch((e: unknown) => e)) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.issues[0]!.path).toBe('[1].samples_completed');
    expect(error.message).toContain('[1].samples_completed: Invalid type: Expected number but received "5"');
  });

  it('turns a deeply nested error body into a typed error instead of overflowing the stack', async () => {
    const deep = `{"field":${'{"a":'.repeat(50_000)}"x"${'}'.repeat(50_000)}}`;
    const { transport } = scriptedTransport([() => new Response(deep, { status: 400 })]);
    const error = await createDataframerClient(transport)
      .runs.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
  });

  it('keeps a deeply nested error body as text, so toJSON() still serialises', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const { transport } = scriptedTransport([() => new Response(deep, { status: 502 })], { maxRetries: 0 });
    const error = (await createDataframerClient(transport)
      .runs.list()
      .catch((e: unknown) => e)) as ServerError;
    expect(error).toBeInstanceOf(ServerError);
    expect(typeof error.body).toBe('string');
    expect(() => JSON.stringify(error.toJSON())).not.toThrow();
  });

  it('reports invalid JSON as a validation error', async () => {
    const { transport } = scriptedTransport([() => new Response('[{"id": ', { status: 200 })]);
    await expect(createDataframerClient(transport).runs.list()).rejects.toThrow('is not valid JSON');
  });

  it('keeps an opaque key out of the request id when the server echoes it in X-Request-Id', async () => {
    const key = 'opaque-fake-token-5d1e';
    const echoed = () => json(404, { detail: 'Not found.' }, { 'x-request-id': `req-${key}` });
    const { transport } = scriptedTransport([echoed], { getToken: () => key });
    const error = (await createDataframerClient(transport)
      .runs.retrieve('r1')
      .catch((e: unknown) => e)) as NotFoundError;
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.requestId).toBe('req-[REDACTED]');
    expect(JSON.stringify([error.message, error.toJSON(), String(error.stack)])).not.toContain(key);
  });

  it('keeps the key out of every error, even when the server echoes it', async () => {
    const echo = { detail: `Key ${FAKE_KEY} is revoked`, authorization: `Bearer ${FAKE_KEY}` };
    const { transport, lines } = scriptedTransport([() => json(401, echo)]);
    const error = (await createDataframerClient(transport)
      .runs.list()
      .catch((e: unknown) => e)) as AuthenticationError;
    const everything = JSON.stringify([error.message, error.toJSON(), Object.entries(error), error.body, lines, String(error.stack)]);
    expect(everything).not.toContain(FAKE_KEY);
    expect(error.detail).toBe('Key [REDACTED] is revoked');
  });

  it("takes the key out of a successful answer and leaves the rest of the user's data as it came", async () => {
    const other = 'sk_live_someoneelse_4f2a9c';
    const body = [sampleRun({ spec_name: `made with ${FAKE_KEY}` }), sampleRun({ spec_name: `Bearer abc.def and ${other}` })];
    const { transport } = scriptedTransport([() => json(200, body)]);
    const runs = await createDataframerClient(transport).runs.list();
    expect(runs.map((run) => run.spec_name)).toEqual(['made with [REDACTED]', `Bearer abc.def and ${other}`]);
  });

  it('checks and masks a key that changes between calls afresh', async () => {
    const keys = ['sk_test_fake_first_key_1111', 'sk_test_fake_second_key_2222', 'sk_test_fake_bad\nkey_3333'];
    let next = 0;
    const { transport, sent } = scriptedTransport([() => json(401, { detail: 'Invalid API key.' })], { getToken: () => keys[next++] });
    const client = createDataframerClient(transport);
    const hints: unknown[] = [];
    for (let i = 0; i < 3; i++)
      hints.push(
        await client.runs.list({ maxRetries: 0 }).catch((e: unknown) => (e as AuthenticationError).keyHint ?? (e as Error).message),
      );
    expect(sent.map((s) => s.headers['authorization'])).toEqual([`Bearer ${keys[0]}`, `Bearer ${keys[1]}`]);
    expect(hints.slice(0, 2)).toEqual(['sk_test_…1111', 'sk_test_…2222']);
    expect(hints[2]).toContain('an HTTP header cannot carry');
  });
});

describe('errors that say what to do', () => {
  it('401 names the key that was sent, masked, where it came from, and where to get one', async () => {
    const { transport } = scriptedTransport([() => json(401, { detail: 'Invalid API key.' })], { tokenSource: () => 'DATAFRAMER_API_KEY' });
    const error = (await createDataframerClient(transport)
      .runs.list()
      .catch((e: unknown) => e)) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.keyHint).toBe('sk_test_…0000 from DATAFRAMER_API_KEY');
    expect(error.message).toBe(
      '401 Unauthorized from GET /api/dataframer/runs/: Invalid API key. The key sk_test_…0000 from DATAFRAMER_API_KEY was refused; API keys are under Account → API Key at app.aimon.ai',
    );
    expect(JSON.stringify([error.message, error.toJSON()])).not.toContain(FAKE_KEY);
  });

  it('403 says the key is valid but lacks permission', async () => {
    const { transport } = scriptedTransport([() => json(403, { detail: 'You do not have permission to perform this action.' })], {
      tokenSource: () => 'the apiKey option',
    });
    const error = (await createDataframerClient(transport)
      .runs.cancel('r1')
      .catch((e: unknown) => e)) as PermissionDeniedError;
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(error.message).toContain('The key sk_test_…0000 from the apiKey option is valid but lacks permission for this request');
  });

  it('describes a JSON error body without a detail as such', async () => {
    const { transport } = scriptedTransport([() => json(409, {})]);
    const error = (await createDataframerClient(transport)
      .runs.cancel('r1')
      .catch((e: unknown) => e)) as ConflictError;
    expect(error.message).toBe(
      '409 Conflict from POST /api/dataframer/runs/r1/cancel/: the JSON body had no detail or field errors (2 bytes)',
    );
  });

  it('a 404 on a collection says the base URL is probably wrong and shows the URL requested', async () => {
    const { transport } = scriptedTransport([() => json(404, { detail: 'Not found.' })], {
      baseUrl: 'https://gateway.example.test/dataframer',
    });
    const error = (await createDataframerClient(transport)
      .specs.list()
      .catch((e: unknown) => e)) as NotFoundError;
    expect(error.message).toContain(
      'The base URL is probably wrong: https://gateway.example.test/dataframer/api/dataframer/specs/ does not exist on that server',
    );
    expect(error.message).not.toContain(FAKE_KEY);
  });

  it('the unknown-outcome error states the facts and the advice that holds for every server', async () => {
    const { transport } = scriptedTransport([() => json(502, {})], { maxRetries: 0 });
    const error = (await createDataframerClient(transport)
      .runs.create(CREATE, { idempotencyKey: 'key-12' })
      .catch((e: unknown) => e)) as OutcomeUnknownError;
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ idempotencyKey: 'key-12', attempts: 1, request: 'POST /api/dataframer/runs/' });
    expect(error.cause).toBeInstanceOf(ServerError);
    expect(error.message).toContain('Check runs.list() for the run first');
    expect(error.message).toContain(
      'repeating the create with idempotencyKey "key-12" is safe only where the server honours Idempotency-Key',
    );
    expect(error.message).not.toContain('dataframer runs create');
  });
});
