// @vitest-environment happy-dom
import { BadRequestError, type Evaluation, type EvaluationSummary, type RunDetail } from '@df/browser';
import { render } from 'lit-html';
import { beforeEach, describe, expect, it } from 'vitest';
import { createEvaluations } from '../../src/evaluations/evaluationsPart';
import type { EvaluationsClient } from '../../src/evaluations/evaluationsClient';
import { NO_EVALUATIONS, type EvaluationsState } from '../../src/evaluations/evaluationsState';
import { evaluateQuestion, evaluationsView } from '../../src/evaluations/evaluationsView';
import { emptyDetail, type AppState } from '../../src/state';
import { createStore } from '../../src/store';
import { confirmView } from '../../src/views/confirmView';
import { recordingActions, run, state } from './fixtures';

const RUN = { ...run({ status: 'SUCCEEDED' }), runtime_params: { number_of_samples: 100 } } as RunDetail;
const E1 = 'e1000000-0000-4000-8000-000000000001';
const E2 = 'e2000000-0000-4000-8000-000000000002';

const summary = (id: string, status: string, extra: Partial<EvaluationSummary> = {}): EvaluationSummary => ({
  id,
  status,
  run_id: RUN.id,
  conformance_score: null,
  created_at: '2026-01-01T10:04:00Z',
  ...extra,
});

const scored = (id: string, status = 'SUCCEEDED'): Evaluation => ({
  ...summary(id, status, { conformance_score: 87.5 }),
  conformance_explanation: 'Categories follow the request closely.',
  conformant_areas: 'category',
  non_conformant_areas: 'priority',
  distribution_analysis: [
    {
      property_name: 'category',
      total_samples_analyzed: 100,
      requested_distributions: { billing: 50, login: 50 },
      evaluated_distributions: { billing: 46, login: 54 },
    },
    // The older shape: expected and observed.
    { property_name: 'priority', expected_distributions: { high: 50, low: 50 }, observed_distributions: { high: 80 } },
  ],
});

function pageWith(evaluations: EvaluationsState | undefined): AppState {
  return state({ route: { name: 'detail', runId: RUN.id }, detail: { ...emptyDetail(RUN.id), run: RUN, evaluations } });
}

let root: HTMLElement;
beforeEach(() => {
  document.body.innerHTML = '<div id="root"></div>';
  root = document.getElementById('root')!;
});
const text = () => root.textContent!.replace(/\s+/g, ' ');

describe('evaluationsView', () => {
  it('shows a scored evaluation: score out of 100, explanation, areas, and each property requested against evaluated', () => {
    const { actions } = recordingActions();
    const full = scored(E1);
    render(
      evaluationsView(pageWith({ ...NO_EVALUATIONS, list: [summary(E1, 'SUCCEEDED')], details: new Map([[E1, full]]) }), actions),
      root,
    );
    expect(root.querySelector('.score-value')!.textContent).toBe('87.5');
    expect(root.querySelector('.score-bar')!.getAttribute('aria-label')).toBe('Score 87.5 out of 100');
    expect(text()).toContain('Categories follow the request closely.');
    const areas = [...root.querySelectorAll('.kv')].map((kv) => [kv.querySelector('dt')!.textContent, kv.querySelector('dd')!.textContent]);
    expect(areas).toEqual([
      ['Follows the spec', 'category'],
      ['Strays from it', 'priority'],
    ]);
    const tables = [...root.querySelectorAll('.distribution table')];
    expect(tables.map((t) => t.querySelector('caption')!.textContent!.trim())).toEqual(['category (100 samples)', 'priority']);
    const rows = (table: Element) => [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent));
    expect(rows(tables[0]!)).toEqual([
      ['billing', '50%', '46%'],
      ['login', '50%', '54%'],
    ]);
    // A value the samples never took shows as a dash, not as 0 or NaN.
    expect(rows(tables[1]!)).toEqual([
      ['high', '50%', '80%'],
      ['low', '50%', '—'],
    ]);
  });

  it('counts COMPLETED as a success, says a running one is being scored, and gives a failed one its reason', () => {
    const { actions } = recordingActions();
    const failed = { ...summary(E2, 'FAILED'), error_message: 'The evaluation model timed out.' } as Evaluation;
    render(
      evaluationsView(
        pageWith({
          ...NO_EVALUATIONS,
          list: [summary(E2, 'FAILED'), summary(E1, 'COMPLETED')],
          details: new Map<string, Evaluation>([
            [E1, scored(E1, 'COMPLETED')],
            [E2, failed],
          ]),
        }),
        actions,
      ),
      root,
    );
    const cards = [...root.querySelectorAll('.evaluation')];
    expect(cards.map((c) => c.querySelector('.badge')!.textContent!.trim())).toEqual(['✕ Failed', '✓ Succeeded']);
    expect(cards[0]!.textContent).toContain('The evaluation failed: The evaluation model timed out.');
    expect(cards[1]!.querySelector('.score-value')!.textContent).toBe('87.5');

    render(evaluationsView(pageWith({ ...NO_EVALUATIONS, list: [summary(E1, 'PROCESSING')] }), actions), root);
    expect(text()).toContain('Scoring the samples');
    expect(root.querySelector<HTMLButtonElement>('#evaluations button')!.disabled).toBe(true);
  });

  it('offers Evaluate, asking first in words that say it may cost money', () => {
    const { actions, calls } = recordingActions();
    render(evaluationsView(pageWith({ ...NO_EVALUATIONS, list: [] }), actions), root);
    expect(text()).toContain('Not evaluated yet');
    root.querySelector<HTMLButtonElement>('#evaluations button')!.click();
    expect(calls).toEqual([['askEvaluate', RUN.id, evaluateQuestion(RUN.id)]]);
    expect(evaluateQuestion(RUN.id).text).toMatch(/may cost money/);

    const asked = { ...pageWith(undefined), confirm: { action: 'evaluate' as const, runId: RUN.id, words: evaluateQuestion(RUN.id) } };
    render(confirmView(asked, actions), root);
    expect(root.querySelector('#confirm-title')!.textContent).toBe('Evaluate run 0d918362?');
    expect(root.querySelector('#confirm-text')!.textContent).toContain('may cost money');
    expect([...root.querySelectorAll('dialog button')].map((b) => [b.textContent, b.className])).toEqual([
      ['Not now', ''],
      ['Evaluate', 'primary'],
    ]);
  });
});

describe('the evaluation part of a run page', () => {
  function setup(list: () => EvaluationSummary[]) {
    const calls: string[] = [];
    const said: string[] = [];
    const client: EvaluationsClient = {
      runs: { evaluations: async (runId) => (calls.push(`list ${runId}`), list()) },
      evaluations: {
        retrieve: async (id) => (calls.push(`retrieve ${id}`), scored(id)),
        create: async (params) => (calls.push(`create ${JSON.stringify(params)}`), { ...summary(E2, 'PENDING') }),
      },
    };
    const store = createStore(pageWith(undefined));
    const part = createEvaluations({ client, store, announce: (line) => void said.push(line) });
    const evaluations = () => store.get().detail!.evaluations!;
    return { part, store, calls, said, evaluations, client };
  }

  it('lists newest first, polls while one runs, reads each finished one once, and says when one finishes', async () => {
    let answer = [summary(E1, 'SUCCEEDED'), summary(E2, 'PROCESSING')];
    const { part, calls, said, evaluations } = setup(() => answer);
    expect(await part.refresh(RUN.id)).toBe('again');
    expect(evaluations().list!.map((e) => e.id)).toEqual([E2, E1]);
    answer = [summary(E1, 'SUCCEEDED'), summary(E2, 'SUCCEEDED')];
    expect(await part.refresh(RUN.id)).toBe('idle');
    expect(await part.refresh(RUN.id)).toBe('idle');
    expect(calls.filter((c) => c.startsWith('retrieve'))).toEqual([`retrieve ${E1}`, `retrieve ${E2}`]);
    expect(evaluations().details.get(E2)!.conformance_score).toBe(87.5);
    expect(said).toEqual(['Evaluation of run 0d918362 finished: 87.5 out of 100.']);
  });

  it('starts one for the run, shows it at once, and puts a refusal in plain words', async () => {
    const { part, calls, said, evaluations, client } = setup(() => []);
    await part.start(RUN.id);
    expect(calls).toEqual([`create ${JSON.stringify({ run_id: RUN.id })}`]);
    expect(evaluations().list!.map((e) => [e.id, e.status])).toEqual([[E2, 'PENDING']]);
    expect(said).toEqual(['Evaluation of run 0d918362 started.']);

    client.evaluations.create = async () => {
      throw new BadRequestError('Run is PROCESSING; only a SUCCEEDED run can be evaluated.', {
        status: 400,
        detail: 'Run is PROCESSING; only a SUCCEEDED run can be evaluated.',
      });
    };
    await part.start(RUN.id);
    expect(evaluations()).toMatchObject({
      starting: false,
      startError: 'Could not start the evaluation: Dataframer answered 400: Run is PROCESSING; only a SUCCEEDED run can be evaluated.',
    });
  });
});
