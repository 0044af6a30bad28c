import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  buildCreateEvaluationRequest,
  buildListRunEvaluationsRequest,
  buildRetrieveEvaluationRequest,
  ConfigurationError,
  createDataframerClient,
  OutcomeUnknownError,
  RequestValidationError,
  ResponseValidationError,
  TimeoutError,
  type Evaluation,
  type EvaluationProgress,
} from '../src/index';
import { json, scriptedTransport, settle, useFakeClock } from './helpers';
import { answer, loopbackTransport, startLoopback } from './loopback';

const RUN_ID = '3f2b8c1e-5d4a-4b7e-9c2d-1a2b3c4d5e6f';
const EVALUATION_ID = '7e6d5c4b-3a2f-4e1d-9c0b-8a7f6e5d4c3b';

/** An evaluation as the docs show it, with overrides. */
function evaluation(overrides: Record<string, unknown> = {}) {
  return {
    id: EVALUATION_ID,
    run_id: RUN_ID,
    status: 'PENDING',
    conformance_score: null,
    distribution_analysis: null,
    sample_classifications: [],
    started_at: null,
    completed_at: null,
    error_message: null,
    created_at: '2026-12-04T10:00:00Z',
    ...overrides,
  };
}

describe('evaluation builders', () => {
  it('build the create, retrieve and list requests', () => {
    expect(buildCreateEvaluationRequest({ run_id: RUN_ID, evaluation_model: 'gemini/gemini-3-pro-preview' })).toEqual({
      method: 'POST',
      path: '/api/dataframer/evaluations/',
      body: { run_id: RUN_ID, evaluation_model: 'gemini/gemini-3-pro-preview' },
      retry: 'create',
    });
    expect(buildCreateEvaluationRequest({ run_id: RUN_ID, evaluation_model: undefined })).toEqual({
      method: 'POST',
      path: '/api/dataframer/evaluations/',
      body: { run_id: RUN_ID },
      retry: 'create',
    });
    expect(buildRetrieveEvaluationRequest('e/1?x')).toEqual({
      method: 'GET',
      path: '/api/dataframer/evaluations/e%2F1%3Fx/',
      retry: 'safe',
    });
    expect(buildListRunEvaluationsRequest(RUN_ID)).toEqual({
      method: 'GET',
      path: `/api/dataframer/runs/${RUN_ID}/evaluations/`,
      retry: 'safe',
    });
  });

  it('refuse bad parameters before sending, naming each one', () => {
    expect(() => buildCreateEvaluationRequest({} as never)).toThrow(RequestValidationError);
    expect(() => buildCreateEvaluationRequest({} as never)).toThrow('Invalid parameters for evaluations.create: run_id is required');
    expect(() => buildCreateEvaluationRequest({ run_id: ' ', evaluation_model: 4 } as never)).toThrow(
      'Invalid parameters for evaluations.create: run_id must not be empty; evaluation_model must be a string, got a number',
    );
    expect(() => buildRetrieveEvaluationRequest('..')).toThrow('the evaluation id must not be ".."');
    expect(() => buildListRunEvaluationsRequest('')).toThrow('Invalid parameters for runs.evaluations: the run id must not be empty');
  });
});

describe('evaluations over HTTP', () => {
  /** What the server answers, one responder per request (the last repeats). */
  let answers: Array<(res: Parameters<Parameters<typeof startLoopback>[0]>[1]) => void>;
  let server: Awaited<ReturnType<typeof startLoopback>>;
  beforeEach(async () => {
    answers = [];
    server = await startLoopback((_request, res) => answers[Math.min(server.received.length, answers.length) - 1]?.(res));
  });
  afterEach(() => server.close());
  const client = () => createDataframerClient(loopbackTransport(server.url).transport);

  it('create sends the body and answers the evaluation', async () => {
    answers = [(res) => answer(res, 201, evaluation())];
    const created = await client().evaluations.create({ run_id: RUN_ID });
    expect(created).toEqual(evaluation());
    expect(server.received.map((r) => [r.method, r.url, JSON.parse(r.body.toString())])).toEqual([
      ['POST', '/api/dataframer/evaluations/', { run_id: RUN_ID }],
    ]);
  });

  it('create is repeated after a refusal that proves nothing happened, under one Idempotency-Key', async () => {
    answers = [(res) => answer(res, 429, {}, { 'retry-after': '0' }), (res) => answer(res, 201, evaluation())];
    await client().evaluations.create({ run_id: RUN_ID }, { idempotencyKey: 'ci-build-42' });
    expect(server.received.map((r) => r.headers['idempotency-key'])).toEqual(['ci-build-42', 'ci-build-42']);
  });

  it('create is not repeated when the server may have acted, and the error says how to check', async () => {
    answers = [(res) => answer(res, 502, {})];
    const error = (await client()
      .evaluations.create({ run_id: RUN_ID })
      .catch((e: unknown) => e)) as OutcomeUnknownError;
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error.message).toContain('evaluations.create may or may not have started an evaluation (1 attempt reached the network)');
    expect(error.message).toContain('Check runs.evaluations(runId)');
    expect(error.idempotencyKey).toBe(server.received[0]?.headers['idempotency-key']);
    expect(server.received).toHaveLength(1);
  });

  it('retrieve and the run’s list read either shape of distribution_analysis, and keep what they do not know', async () => {
    const newest = {
      property_name: 'sentiment',
      total_samples: 10,
      requested_distributions: { positive: 40 },
      evaluated_distributions: { positive: 45 },
    };
    const older = { property_name: 'topic', expected_distributions: { tech: 50 }, observed_distributions: { tech: 48 } };
    const done = evaluation({ status: 'SUCCEEDED', conformance_score: 87.5, distribution_analysis: [newest, older], gpu_pool: 'b' });
    answers = [(res) => answer(res, 200, done), (res) => answer(res, 200, [{ id: 'e1', status: 'COMPLETED', conformance_score: 91 }])];
    const c = client();
    expect(await c.evaluations.retrieve(EVALUATION_ID)).toEqual(done);
    expect(await c.runs.evaluations(RUN_ID)).toEqual([{ id: 'e1', status: 'COMPLETED', conformance_score: 91 }]);
    expect(server.received.map((r) => r.url)).toEqual([
      `/api/dataframer/evaluations/${EVALUATION_ID}/`,
      `/api/dataframer/runs/${RUN_ID}/evaluations/`,
    ]);
  });

  it('refuses an evaluation without its status, or a score that is not a number', async () => {
    answers = [(res) => answer(res, 200, [{ id: 'e1' }]), (res) => answer(res, 200, evaluation({ conformance_score: '87' }))];
    const c = client();
    await expect(c.runs.evaluations(RUN_ID)).rejects.toThrow(ResponseValidationError);
    await expect(c.evaluations.retrieve(EVALUATION_ID)).rejects.toThrow('conformance_score');
  });
});

describe('evaluations.wait', () => {
  useFakeClock();

  it('polls until a success, COMPLETED included, and reports each evaluation seen', async () => {
    const seen = ['PENDING', 'PROCESSING', 'COMPLETED'].map((status) => evaluation({ status }));
    const { transport, sent } = scriptedTransport(seen.map((e) => () => json(200, e)));
    const progress: EvaluationProgress[] = [];
    const result = settle(createDataframerClient(transport).evaluations.wait(EVALUATION_ID, { onProgress: (p) => progress.push(p) }));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await result).toEqual({ ok: true, value: seen[2] });
    expect(sent).toHaveLength(seen.length);
    expect(progress.map((p) => [p.status, p.terminal, p.elapsedMs])).toEqual([
      ['PENDING', false, 0],
      ['PROCESSING', false, 1000],
      ['COMPLETED', true, 2500],
    ]);
    expect(progress.map((p) => p.evaluation)).toEqual(seen);
  });

  it('keeps waiting through statuses it does not know, and returns a FAILED evaluation rather than throwing', async () => {
    const seen = ['QUEUED', 'RUNNING', 'FAILED'].map((status) =>
      evaluation({ status, error_message: status === 'FAILED' ? 'no spec' : null }),
    );
    const { transport, sent } = scriptedTransport(seen.map((e) => () => json(200, e)));
    const result = settle(createDataframerClient(transport).evaluations.wait(EVALUATION_ID));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await result).toEqual({ ok: true, value: seen[2] });
    expect(sent).toHaveLength(seen.length);
  });

  it('ends at its deadline with a TimeoutError carrying the last evaluation seen', async () => {
    const running = evaluation({ status: 'PROCESSING' });
    const { transport } = scriptedTransport([() => json(200, running)]);
    const result = settle(createDataframerClient(transport).evaluations.wait(EVALUATION_ID, { timeoutMs: 5000 }));
    await vi.advanceTimersByTimeAsync(6000);
    const outcome = (await result) as { ok: false; error: TimeoutError<Evaluation> };
    expect(outcome.error).toBeInstanceOf(TimeoutError);
    expect(outcome.error.last).toEqual(running);
    expect(outcome.error.message).toContain(`Waiting for evaluation ${EVALUATION_ID}`);
    expect(outcome.error.message).toContain('last seen PROCESSING');
  });

  it('refuses options of the wrong type before polling', async () => {
    const { transport, sent } = scriptedTransport([() => json(200, evaluation())]);
    await expect(createDataframerClient(transport).evaluations.wait(EVALUATION_ID, { intervalMs: 0 })).rejects.toThrow(
      new ConfigurationError(
        'Invalid options for evaluations.wait: intervalMs must be a number of milliseconds from 1 to 2147483647, got 0',
      ),
    );
    expect(sent).toHaveLength(0);
  });
});
