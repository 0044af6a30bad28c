import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index';
import {
  DEFAULT_EVALUATION_MODEL,
  EVALUATION_MODELS,
  EVALUATION_STATUSES,
  EVALUATION_SUCCESS_STATUSES,
  MAX_EVALUATED_SAMPLES,
  RUN_STATUSES,
} from '../src/internal/rules';
import { EVALUATION_PENDING_MS, EVALUATION_PROCESSING_MS } from '../src/internal/store/lifecycle';
import type { SampleKind } from '../src/internal/store/catalog';
import { SAMPLE_PROPERTIES } from '../src/internal/store/sampleProperties';
import { scoreEvaluation } from '../src/internal/store/scoreEvaluation';
import { createApi } from './api';
import { manualClock, openSandbox, specIdIn } from './helpers';

/** The score recipe the README promises (section "Scores"): these sizes give a good and a poor score. */
const GOOD_RUN_SAMPLES = 1000;
const POOR_RUN_SAMPLES = 1;
const MIN_SCORE = 80;

let sandbox: Sandbox;
let api: ReturnType<typeof createApi>;
let globex: ReturnType<typeof createApi>;
let specId: string;
const clock = manualClock();
beforeAll(async () => {
  ({ sandbox, api } = await openSandbox({ seed: 31, now: clock.now, failureRate: 0 }));
  globex = createApi(sandbox.url, sandbox.keys.globex);
  specId = await specIdIn(api, 'SUCCEEDED');
});
afterEach(() => {
  sandbox.control.reset();
  sandbox.control.set({ evaluationFailureRate: 0, evaluationSuccessStatus: EVALUATION_SUCCESS_STATUSES[0] });
});
afterAll(() => sandbox.stop());

/** A run of `samples` samples created through the API and finished by moving the clock. */
async function finishedRun(samples: number): Promise<string> {
  const { body } = await api('POST', '/runs/', { body: { spec_id: specId, number_of_samples: samples } });
  clock.advance(3_600_000);
  expect((await api('GET', `/runs/${body.id}/`)).body.status).toBe('SUCCEEDED');
  return body.id as string;
}

/** Starts an evaluation of a run and moves the clock until it has ended. */
async function finishedEvaluation(runId: string): Promise<Record<string, any>> {
  const created = await api('POST', '/evaluations/', { body: { run_id: runId } });
  expect(created.status).toBe(201);
  clock.advance(EVALUATION_PENDING_MS + EVALUATION_PROCESSING_MS);
  return (await api('GET', `/evaluations/${created.body.id}/`)).body;
}

describe('POST /evaluations/ and GET /evaluations/{id}/', () => {
  it('starts PENDING, goes PROCESSING, then SUCCEEDED with the analysis, on the sandbox clock', async () => {
    const runId = await finishedRun(GOOD_RUN_SAMPLES);
    const created = await api('POST', '/evaluations/', { body: { run_id: runId, evaluation_model: EVALUATION_MODELS[1] } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      run_id: runId,
      status: 'PENDING',
      status_display: 'Pending',
      conformance_score: null,
      distribution_analysis: null,
      sample_classifications: [],
      started_at: null,
      completed_at: null,
      error_message: null,
      created_by_email: 'demo@acme.example',
      duration_seconds: 0,
      trace: { evaluation_model: EVALUATION_MODELS[1] },
    });
    const id = created.body.id as string;
    const createdAt = Date.parse(created.body.created_at);

    clock.advance(EVALUATION_PENDING_MS);
    const processing = (await api('GET', `/evaluations/${id}/`)).body;
    expect(processing).toMatchObject({ status: 'PROCESSING', conformance_score: null, completed_at: null });
    expect(Date.parse(processing.started_at)).toBe(createdAt + EVALUATION_PENDING_MS);

    clock.advance(EVALUATION_PROCESSING_MS - 1);
    expect((await api('GET', `/evaluations/${id}/`)).body.status).toBe('PROCESSING');
    clock.advance(1);
    const done = (await api('GET', `/evaluations/${id}/`)).body;
    expect(done.status).toBe('SUCCEEDED');
    expect(Date.parse(done.completed_at)).toBe(createdAt + EVALUATION_PENDING_MS + EVALUATION_PROCESSING_MS);
    expect(done.duration_seconds).toBe(EVALUATION_PROCESSING_MS / 1000);
    expect(done.conformance_score).toBeGreaterThanOrEqual(0);
    expect(done.conformance_explanation).toContain(String(done.conformance_score));
    expect(done.sample_classifications).toHaveLength(MAX_EVALUATED_SAMPLES);
    const run = (await api('GET', `/runs/${runId}/`)).body;
    for (const item of done.distribution_analysis) {
      expect(Object.keys(item).sort()).toEqual(
        [
          'property_name',
          'total_samples',
          'requested_distributions',
          'expected_distributions',
          'evaluated_distributions',
          'total_samples_analyzed',
        ].sort(),
      );
      expect(item.total_samples).toBe(run.samples_completed);
      expect(item.total_samples_analyzed).toBe(MAX_EVALUATED_SAMPLES);
    }
  });

  it('uses the documented default model when the body names none', async () => {
    const created = await api('POST', '/evaluations/', { body: { run_id: await finishedRun(POOR_RUN_SAMPLES) } });
    expect(created.body.trace.evaluation_model).toBe(DEFAULT_EVALUATION_MODEL);
  });

  it('evaluates only a SUCCEEDED run, with a 400 detail naming the status for the others', async () => {
    for (const status of RUN_STATUSES.filter((s) => s !== 'SUCCEEDED')) {
      const runId = sandbox.control.seedRun({ status });
      const refused = await api('POST', '/evaluations/', { body: { run_id: runId } });
      expect(refused.status, status).toBe(400);
      expect(refused.body).toEqual({ detail: `Run ${runId} is ${status}; only a SUCCEEDED run can be evaluated.` });
      expect((await api('GET', `/runs/${runId}/evaluations/`)).body).toEqual([]);
    }
  });

  it('answers field errors for a missing or malformed run_id and an unknown model, 415 for a form, and 404 for an unknown run', async () => {
    const missing = await api('POST', '/evaluations/', { body: {}, invalidRequest: true });
    expect(missing.body).toEqual({ run_id: ['This field is required.'] });
    const empty = await api('POST', '/evaluations/', { invalidRequest: true });
    expect(empty.body).toEqual({ run_id: ['This field is required.'] });
    const both = await api('POST', '/evaluations/', { body: { run_id: 'run-1', evaluation_model: 'gpt-9' }, invalidRequest: true });
    expect(both.status).toBe(400);
    expect(both.body).toEqual({ run_id: ['Must be a valid UUID.'], evaluation_model: ['"gpt-9" is not a valid choice.'] });
    const form = await api('POST', '/evaluations/', {
      rawBody: 'run_id=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      invalidRequest: true,
      allowStatuses: [415],
    });
    expect(form.status).toBe(415);
    expect(form.body.detail).toMatch(/Unsupported media type/);
    const unknown = await api('POST', '/evaluations/', { body: { run_id: '00000000-0000-4000-8000-000000000000' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ detail: 'Not found.' });
  });

  it('ends FAILED with an error message and no score when evaluations fail, and says COMPLETED when told to', async () => {
    const runId = await finishedRun(POOR_RUN_SAMPLES);
    sandbox.control.set({ evaluationFailureRate: 1 });
    const failed = await finishedEvaluation(runId);
    expect(failed).toMatchObject({ status: 'FAILED', status_display: 'Failed', conformance_score: null, distribution_analysis: null });
    expect(failed.error_message).toMatch(/did not return a classification/);
    expect(failed.completed_at).not.toBeNull();

    sandbox.control.set({ evaluationFailureRate: 0, evaluationSuccessStatus: 'COMPLETED' });
    const started = await api('POST', '/evaluations/', { body: { run_id: runId } });
    clock.advance(EVALUATION_PENDING_MS + EVALUATION_PROCESSING_MS);
    // COMPLETED is outside the contract's enum on purpose: these answers are read without the contract check.
    const headers = { authorization: `Bearer ${sandbox.keys.acme}` };
    const completed = (await (await fetch(`${sandbox.url}/api/dataframer/evaluations/${started.body.id}/`, { headers })).json()) as Record<
      string,
      unknown
    >;
    expect(completed).toMatchObject({ status: 'COMPLETED', status_display: 'Completed' });
    expect(completed.conformance_score).not.toBeNull();
    const listed = await fetch(`${sandbox.url}/api/dataframer/runs/${runId}/evaluations/`, { headers });
    expect(((await listed.json()) as Array<{ status: string }>).map((e) => e.status)).toEqual(['FAILED', 'COMPLETED']);
  });
});

describe('a lost create answer', () => {
  it('is found again by repeating the create with its Idempotency-Key: the first evaluation, not a second', async () => {
    const runId = await finishedRun(POOR_RUN_SAMPLES);
    sandbox.faults.add('POST /evaluations/ drop-after-act nth=1');
    const headers = { 'Idempotency-Key': 'evaluation-lost-1' };
    const lost = await api('POST', '/evaluations/', { body: { run_id: runId }, headers }).catch((error: unknown) => error);
    sandbox.faults.clear();
    expect(lost).toBeInstanceOf(Error);
    const again = await api('POST', '/evaluations/', { body: { run_id: runId }, headers });
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await api('GET', `/runs/${runId}/evaluations/`)).body.map((e: { id: string }) => e.id)).toEqual([again.body.id]);
    const other = await api('POST', '/evaluations/', {
      body: { run_id: runId, evaluation_model: EVALUATION_MODELS[2] },
      headers,
      allowStatuses: [422],
    });
    expect(other.status).toBe(422);
  });
});

describe('GET /runs/{id}/evaluations/', () => {
  it("lists the run's evaluations as EvaluationSummary, oldest first", async () => {
    const runId = await finishedRun(POOR_RUN_SAMPLES);
    const first = await finishedEvaluation(runId);
    const second = (await api('POST', '/evaluations/', { body: { run_id: runId } })).body;
    const list = (await api('GET', `/runs/${runId}/evaluations/`)).body;
    expect(list).toEqual([
      {
        id: first.id,
        run_id: runId,
        status: 'SUCCEEDED',
        conformance_score: first.conformance_score,
        started_at: first.started_at,
        completed_at: first.completed_at,
        created_by_email: first.created_by_email,
        created_at: first.created_at,
        status_display: 'Succeeded',
      },
      {
        id: second.id,
        run_id: runId,
        status: 'PENDING',
        conformance_score: null,
        started_at: null,
        completed_at: null,
        created_by_email: second.created_by_email,
        created_at: second.created_at,
        status_display: 'Pending',
      },
    ]);
    expect(EVALUATION_STATUSES).toContain(list[0].status);
  });
});

describe('scores', () => {
  it(`a run of ${GOOD_RUN_SAMPLES} samples scores ${MIN_SCORE} or more, a run of ${POOR_RUN_SAMPLES} below`, async () => {
    const good = await finishedEvaluation(await finishedRun(GOOD_RUN_SAMPLES));
    const poor = await finishedEvaluation(await finishedRun(POOR_RUN_SAMPLES));
    expect(good.conformance_score).toBeGreaterThanOrEqual(MIN_SCORE);
    expect(poor.conformance_score).toBeLessThan(MIN_SCORE);
    expect(poor.non_conformant_areas).not.toBe('None.');
  });

  it("is the score of the run's own samples against its spec, the same for every evaluation of the run", async () => {
    const runId = await finishedRun(GOOD_RUN_SAMPLES);
    const first = await finishedEvaluation(runId);
    const again = await finishedEvaluation(runId);
    expect(again.conformance_score).toBe(first.conformance_score);
    const page = (await api('GET', `/runs/${runId}/samples/?offset=0&limit=${MAX_EVALUATED_SAMPLES}`)).body;
    const samples = page.result.generated_outputs.map((o: { generated_sample: Record<string, unknown> }) => o.generated_sample);
    // The spec's sample kind is the one whose properties the analysis names.
    const names = first.distribution_analysis.map((d: { property_name: string }) => d.property_name).join();
    const kind = (Object.keys(SAMPLE_PROPERTIES) as SampleKind[]).find((k) => Object.keys(SAMPLE_PROPERTIES[k]).join() === names);
    const expected = scoreEvaluation(kind as SampleKind, samples);
    expect(first.conformance_score).toBe(expected.score);
    const classified = first.sample_classifications.map((c: { classifications: unknown }) => c.classifications);
    expect(classified).toEqual(expected.classifications);
  });
});

describe('tenants', () => {
  it("answers 404 for another company's evaluation and for evaluating or listing its run", async () => {
    const runId = await finishedRun(POOR_RUN_SAMPLES);
    const evaluation = await finishedEvaluation(runId);
    expect((await globex('GET', `/evaluations/${evaluation.id}/`)).status).toBe(404);
    expect((await globex('GET', `/runs/${runId}/evaluations/`)).status).toBe(404);
    expect((await globex('POST', '/evaluations/', { body: { run_id: runId } })).status).toBe(404);
    expect((await api('GET', `/runs/${runId}/evaluations/`)).body).toHaveLength(1);
  });
});
