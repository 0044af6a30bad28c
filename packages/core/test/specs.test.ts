import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  buildCreateSpecRequest,
  buildReplaceSpecRequest,
  createDataframerClient,
  OutcomeUnknownError,
  RequestValidationError,
  TimeoutError,
  type SpecProgress,
} from '../src/index';
import { json, scriptedTransport, settle } from './helpers';
import { answer, loopbackTransport, startLoopback } from './loopback';

const spec = (status: string) => ({ id: 's-1', name: 'tickets', status });

describe('specs.create', () => {
  it('builds a JSON create, the body as given', () => {
    expect(buildCreateSpecRequest({ name: 'tickets', dataset_id: 'd-1', generate_distributions: true })).toEqual({
      method: 'POST',
      path: '/api/dataframer/specs/',
      body: { name: 'tickets', dataset_id: 'd-1', generate_distributions: true },
      retry: 'create',
    });
  });

  it.each([
    [{ name: 'x' }, 'dataset_id (a spec from a seed dataset) or generation_objectives (a seedless spec) is required'],
    [
      { name: 'x', dataset_id: 'd', generation_objectives: 'o' },
      'give either dataset_id (a spec from a seed dataset) or generation_objectives (a seedless spec), not both',
    ],
  ])('takes exactly one of dataset_id and generation_objectives (%j)', (params, message) => {
    const error = (() => {
      try {
        return buildCreateSpecRequest(params);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues.map((i) => i.message)).toEqual([message]);
  });

  let server: Awaited<ReturnType<typeof startLoopback>> | undefined;
  afterEach(() => server?.close());

  it.each([
    ['made during the call', () => new Date().toISOString(), true],
    ['made an hour before', () => new Date(Date.now() - 3_600_000).toISOString(), false],
  ])('after a lost answer, takes the spec of that name only when %s', async (_name, createdAt, found) => {
    server = await startLoopback((request, res) =>
      request.method === 'POST'
        ? void res.socket?.destroy()
        : answer(res, 200, [{ id: 's-9', name: 'tickets', created_at: createdAt(), datasets_id: 'd-1' }]),
    );
    const { transport } = loopbackTransport(server.url);
    const recovered: string[] = [];
    const outcome = await createDataframerClient(transport)
      .specs.create({ name: 'tickets', generation_objectives: 'support tickets' }, { onRecovered: (m) => recovered.push(m) })
      .catch((e: unknown) => e);
    expect(server.received.map((r) => r.method)).toEqual(['POST', 'GET']);
    if (found) {
      expect(outcome).toEqual({ id: 's-9' });
      expect(recovered).toHaveLength(1);
    } else {
      expect(outcome).toBeInstanceOf(OutcomeUnknownError);
      expect((outcome as Error).message).toContain('Check specs.list() for "tickets"');
      expect(recovered).toEqual([]);
    }
  });
});

describe('specs.wait', () => {
  afterEach(() => vi.useRealTimers());

  it.each(['SUCCEEDED', 'READY', 'FAILED'])('ends on %s, returning the spec, and keeps waiting through unknown statuses', async (end) => {
    vi.useFakeTimers();
    const answers = [spec('PROCESSING'), spec('QUEUED'), spec(end)];
    const { transport, sent } = scriptedTransport(answers.map((a) => () => json(200, a)));
    const progress: SpecProgress[] = [];
    const result = settle(createDataframerClient(transport).specs.wait('s-1', { onProgress: (p) => progress.push(p) }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await result).toEqual({ ok: true, value: spec(end) });
    expect(sent).toHaveLength(answers.length);
    expect(progress.map((p) => [p.status, p.terminal])).toEqual([
      ['PROCESSING', false],
      ['QUEUED', false],
      [end, true],
    ]);
  });

  it('ends at its deadline with a TimeoutError holding the last spec seen', async () => {
    vi.useFakeTimers();
    const { transport } = scriptedTransport([() => json(200, spec('PROCESSING'))]);
    const result = settle(createDataframerClient(transport).specs.wait('s-1', { timeoutMs: 5000 }));
    await vi.advanceTimersByTimeAsync(6000);
    const outcome = (await result) as { ok: false; error: TimeoutError };
    expect(outcome.error).toBeInstanceOf(TimeoutError);
    expect(outcome.error.last).toEqual(spec('PROCESSING'));
  });
});

describe('specs.replace', () => {
  it('builds a PUT of content_yaml', () => {
    expect(buildReplaceSpecRequest({ specId: 's-1', content_yaml: 'spec: {}' })).toEqual({
      method: 'PUT',
      path: '/api/dataframer/specs/s-1/',
      body: { content_yaml: 'spec: {}' },
      retry: 'create',
    });
  });

  it('is not repeated after a failure that may have made a version, and says how to check', async () => {
    const { transport, sent } = scriptedTransport([() => json(500, { detail: 'boom' }), () => json(200, spec('SUCCEEDED'))]);
    const error = await createDataframerClient(transport)
      .specs.replace('s-1', { content_yaml: 'spec: {}' })
      .catch((e: unknown) => e);
    expect(sent).toHaveLength(1);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as Error).message).toContain('include_versions');
  });

  it('is repeated when the failure proves nothing happened, under one Idempotency-Key', async () => {
    const { transport, sent } = scriptedTransport([
      () => json(429, { detail: 'slow down' }, { 'retry-after': '0' }),
      () => json(200, spec('SUCCEEDED')),
    ]);
    expect(await createDataframerClient(transport).specs.replace('s-1', { content_yaml: 'spec: {}' })).toEqual(spec('SUCCEEDED'));
    expect(sent.map((s) => s.headers['idempotency-key'])).toEqual([
      sent[0]?.headers['idempotency-key'],
      sent[0]?.headers['idempotency-key'],
    ]);
    expect(sent[0]?.headers['idempotency-key']).toBeTruthy();
  });
});
