// @vitest-environment happy-dom
import { AuthenticationError, DATABRICKS_PARAMS, GENERATION_MODELS, runtimeParamsSchema, ServerError } from '@df/browser';
import { render } from 'lit-html';
import { beforeEach, describe, expect, it } from 'vitest';
import { describeError, PROXY_UNREACHABLE } from '../../src/describeError';
import { paramLabel } from '../../src/paramLabel';
import { readModels } from '../../src/readModels';
import { emptyDetail } from '../../src/state';
import { appView } from '../../src/views/appView';
import { createFormView } from '../../src/views/createFormView';
import { detailView } from '../../src/views/detailView';
import { formValues } from '../../src/views/formValues';
import { messageView } from '../../src/views/messageView';
import { runsView } from '../../src/views/runsView';
import { nullRun, recordingActions, run, specs, state } from './fixtures';

let root: HTMLElement;
beforeEach(() => {
  document.body.innerHTML = '<div id="root"></div>';
  root = document.getElementById('root')!;
});

/** The text of the rendered DOM, one space between text nodes (so `<dt>`/`<dd>` pairs read as "label value"). */
const text = () => {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.textContent!);
  return parts.join(' ').replace(/\s+/g, ' ');
};

describe('runsView', () => {
  it('shows a run row with badge, progress against the requested total, cost, and its actions', () => {
    const { actions, calls } = recordingActions();
    const r = run();
    render(runsView(state({ runs: [r], requested: new Map([[r.id, 20000]]), updatedAt: Date.now() }), actions), root);
    const row = root.querySelector(`tr[data-run-id="${r.id}"]`)!;
    expect(row.querySelector('.badge')!.textContent).toContain('Processing');
    const bar = row.querySelector('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuemax')).toBe('20000');
    expect(bar.getAttribute('aria-valuetext')).toBe('1,200 of 20,000 samples done, 12 failed');
    expect(row.textContent).toContain('$4.80');
    expect(row.querySelector('a.run-link')!.getAttribute('href')).toBe(`#/runs/${r.id}`);
    expect(root.querySelector('#runs-count')!.textContent).toBe('(1)');
    expect(root.querySelector('#updated')!.textContent).toContain('refreshing every 1.5 s');

    (row.querySelector('button.danger') as HTMLButtonElement).click();
    (row.querySelector('button.copy') as HTMLButtonElement).click();
    expect(calls).toEqual([
      ['ask', 'cancel', r.id],
      ['copyId', r.id],
    ]);
  });

  it('shows a run with every optional field null without "undefined", "NaN" or "null"', () => {
    const { actions } = recordingActions();
    const r = nullRun();
    render(runsView(state({ runs: [r], requested: new Map([[r.id, null]]) }), actions), root);
    const row = root.querySelector(`tr[data-run-id="${r.id}"]`)!;
    expect(row.textContent).not.toMatch(/undefined|NaN|null/);
    expect(row.querySelector('.c-cost')!.textContent!.trim()).toBe('—');
    expect(row.querySelector('.c-spec')!.textContent!.trim()).toBe('—');
    expect(row.querySelector('.c-created')!.textContent!.trim()).toBe('—');
    expect([...row.querySelectorAll('.c-progress .progress-text')].map((e) => e.textContent!.trim())).toEqual(['— done', 'failed —']);
    // No total known: a placeholder bar keeps the row's height, but no progressbar claims a total.
    expect(row.querySelector('[role="progressbar"]')).toBeNull();
    expect(row.querySelector('.bar--unknown')).not.toBeNull();
  });

  it('shows an unknown status as a neutral badge, keeps the run unfinished, and offers it as a filter', () => {
    const { actions } = recordingActions();
    const r = run({ status: 'QUEUED_FOR_GPU' });
    render(runsView(state({ runs: [r], updatedAt: Date.now() }), actions), root);
    const badge = root.querySelector('.badge')!;
    expect(badge.className).toContain('badge--unknown');
    expect(badge.textContent).toContain('QUEUED_FOR_GPU');
    expect(root.querySelector('.c-actions')!.textContent).toContain('Cancel');
    expect(root.querySelector('#updated')!.textContent).toContain('while runs are unfinished');
    const options = [...root.querySelectorAll<HTMLOptionElement>('#filter-status option')].map((o) => o.value);
    expect(options).toContain('QUEUED_FOR_GPU');
  });

  it('filters by the query, says when nothing matches, and clears the filters', () => {
    const { actions, calls } = recordingActions();
    render(runsView(state({ runs: [run({ status: 'SUCCEEDED' })], search: '?status=FAILED' }), actions), root);
    expect(text()).toContain('No runs match these filters.');
    expect(root.querySelector('#runs-count')!.textContent).toBe('(0 of 1)');
    expect((root.querySelector('#filter-status option[value="FAILED"]') as HTMLOptionElement).selected).toBe(true);
    [...root.querySelectorAll('button')].find((b) => b.textContent!.includes('Clear filters'))!.click();
    expect(calls).toEqual([['setFilters', { status: '', spec: '' }]]);
  });

  it('offers Prepare ZIP on a succeeded run, then the download link once it is built', () => {
    const { actions, calls } = recordingActions();
    const r = run({ status: 'SUCCEEDED' });
    render(runsView(state({ runs: [r] }), actions), root);
    const prepare = [...root.querySelectorAll('button')].find((b) => b.textContent!.includes('Prepare ZIP'))!;
    prepare.click();
    expect(calls).toEqual([['prepareZip', r.id]]);
    render(
      runsView(
        state({ runs: [r], downloads: new Map([[r.id, { state: 'ready', url: 'https://files.example/x.zip', size: 12_000 }]]) }),
        actions,
      ),
      root,
    );
    const link = root.querySelector('a.download')!;
    expect(link.getAttribute('href')).toBe('https://files.example/x.zip');
    expect(link.textContent).toContain('Download ZIP (12 kB)');
  });

  it('shows the empty state, and the sign-in state instead of rows on a 401', () => {
    const { actions } = recordingActions();
    render(runsView(state({ runs: [] }), actions), root);
    expect(text()).toContain('There are no runs yet.');
    const auth = new AuthenticationError('Invalid token.', { status: 401 });
    render(runsView(state({ listError: auth }), actions), root);
    expect(root.querySelector('#message[role="alert"]')!.textContent).toContain('Not signed in to Dataframer');
    expect(text()).not.toContain('Trying again automatically');
    expect(root.querySelectorAll('tr[data-run-id]')).toHaveLength(0);
  });

  it("keeps each row's buttons and reserved lines as the run moves from processing to succeeded", () => {
    const { actions } = recordingActions();
    const r = run();
    render(runsView(state({ runs: [r] }), actions), root);
    const before = root.querySelectorAll('tr[data-run-id] .status-note, tr[data-run-id] .actions > *').length;
    const rowBefore = root.querySelector('tr[data-run-id]');
    render(runsView(state({ runs: [run({ status: 'SUCCEEDED', samples_failed: 3 })] }), actions), root);
    // The same row element is updated in place (no focus lost), with a note and the same number of controls.
    expect(root.querySelector('tr[data-run-id]')).toBe(rowBefore);
    expect(root.querySelectorAll('tr[data-run-id] .status-note, tr[data-run-id] .actions > *').length).toBe(before);
    expect(root.querySelector('.status-note')!.textContent).toContain('partial');
  });
});

describe('messageView', () => {
  it('says Dataframer could not be reached when the proxy answers 502 with its marker, with a retry', () => {
    const { actions, calls } = recordingActions();
    const error = new ServerError('HTTP 502', {
      status: 502,
      body: {
        detail: "The dashboard's server could not reach Dataframer at http://127.0.0.1:9 (ECONNREFUSED).",
        dashboard_proxy: PROXY_UNREACHABLE,
      },
    });
    render(messageView(describeError(error, 'load the runs'), actions), root);
    expect(text()).toContain('Could not reach Dataframer');
    // Where the proxy tried and why is for the server's log.
    expect(text()).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|DATAFRAMER_BASE_URL/);
    root.querySelector('button')!.click();
    expect(calls).toEqual([['retry']]);
  });

  it('keeps any other 502 a plain server error with its request id', () => {
    const { actions } = recordingActions();
    const error = new ServerError('Dataframer answered 502 Bad gateway.', {
      status: 502,
      body: { detail: 'Bad gateway.' },
      requestId: 'req_42',
    });
    render(messageView(describeError(error, 'load the runs'), actions), root);
    expect(text()).toContain('Could not load the runs');
    expect(text()).toContain('req_42');
  });
});

describe('describeError', () => {
  it('speaks to the people using the page: no variable, command, proxy, URL or SDK message in any failure', async () => {
    const sdk = await import('@df/browser');
    const url = 'http://127.0.0.1:9/api/dataframer/runs/';
    const sdkMessage = `The base URL is probably wrong: ${url} does not exist (check DATAFRAMER_BASE_URL)`;
    const api = { status: 0, requestId: 'req_1' };
    const errors = [
      new sdk.AuthenticationError(sdkMessage, { ...api, status: 401, keyHint: 'sk_test_…demo from DATAFRAMER_API_KEY' }),
      new sdk.PermissionDeniedError(sdkMessage, { ...api, status: 403 }),
      new sdk.NotFoundError(sdkMessage, { ...api, status: 404 }),
      new ServerError(sdkMessage, { ...api, status: 502, body: { dashboard_proxy: PROXY_UNREACHABLE, detail: url } }),
      new ServerError(sdkMessage, { ...api, status: 500 }),
      new sdk.ConnectionError(sdkMessage),
      new sdk.TimeoutError(sdkMessage, { timeoutMs: 20_000 }),
      new Error(sdkMessage),
    ];
    const kinds = new Set<string>();
    for (const error of errors) {
      const view = describeError(error, 'load the runs');
      kinds.add(view.kind);
      const words = [view.title, view.text, view.advice].join(' ');
      expect(words, error.constructor.name).not.toMatch(/DATAFRAMER_|npm run|proxy|base URL|https?:\/\/|sk_test/i);
    }
    // Each kind of failure was seen, so none escaped the check by falling through to another.
    expect([...kinds].sort()).toEqual(['auth', 'forbidden', 'not-found', 'offline', 'other', 'timeout', 'unreachable']);
  });
});

describe('detailView', () => {
  it('shows status, progress with the requested total, cost so far, parameters, timings, samples, files and actions', () => {
    const { actions, calls } = recordingActions();
    const r = {
      ...run({ status: 'SUCCEEDED', samples_completed: 100, samples_failed: 0, total_cost: 0.4, completed_at: '2026-01-01T10:02:30Z' }),
      runtime_params: {
        number_of_samples: 100,
        generation_model: 'anthropic/claude-haiku-4-5',
        seed_shuffling_level: 'field',
        x_new_param: [1, 2],
      },
      generated_files: [{ id: 'f1', path: 'samples.jsonl', file_type: 'jsonl', size_bytes: 8000 }],
    };
    const detail = {
      runId: r.id,
      run: r,
      error: undefined,
      matches: undefined,
      samples: [{ index: 0, fields: { review: 'Great', rating: 5 } }],
      samplesError: undefined,
      evaluations: undefined,
    };
    render(detailView(state({ route: { name: 'detail', runId: r.id }, detail }), actions), root);
    const t = text();
    expect(root.querySelector('#run-heading')!.textContent).toContain('0d918362');
    expect(root.querySelector('.badge')!.textContent).toContain('Succeeded');
    expect(root.querySelector('[role="progressbar"]')!.getAttribute('aria-valuemax')).toBe('100');
    expect(t).toContain('$0.40');
    expect(t).toContain('anthropic/claude-haiku-4-5');
    expect(t).toContain('Seed shuffling field');
    expect(t).toContain('x_new_param 1, 2');
    expect(t).toContain('Took 2 min 30 s');
    expect(t).toContain('samples.jsonl');
    expect(t).toContain('8 kB');
    expect(t).toContain('Sample 1');
    expect(t).toContain('Great');
    expect(root.querySelector('code.full-id')!.textContent).toBe(r.id);
    const buttons = [...root.querySelectorAll('button')].map((b) => b.textContent!.replace(/\s+/g, ' ').trim());
    expect(buttons.some((b) => b.startsWith('Prepare ZIP'))).toBe(true);
    expect(buttons.some((b) => b.startsWith('Cancel'))).toBe(false);
    [...root.querySelectorAll('button')].find((b) => b.textContent!.includes('Delete'))!.click();
    expect(calls).toEqual([['ask', 'delete', r.id]]);
  });

  it("lists every parameter of core's runtime_params schema, in the schema's order, under its label", () => {
    const { actions } = recordingActions();
    const schema = runtimeParamsSchema() as unknown as { entries: Record<string, unknown> };
    const names = Object.keys(schema.entries);
    const r = { ...run(), runtime_params: Object.fromEntries(names.map((name) => [name, 1])) };
    const detail = {
      runId: r.id,
      run: r,
      error: undefined,
      matches: undefined,
      samples: [],
      samplesError: undefined,
      evaluations: undefined,
    };
    render(detailView(state({ route: { name: 'detail', runId: r.id }, detail }), actions), root);
    const labels = [...root.querySelectorAll('.kvs--columns dt')].map((dt) => dt.textContent);
    expect(labels).toEqual(names.map(paramLabel));
  });

  it('shows a run whose optional fields are all null sensibly', () => {
    const { actions } = recordingActions();
    const r = nullRun();
    const detail = {
      runId: r.id,
      run: r,
      error: undefined,
      matches: undefined,
      samples: [],
      samplesError: undefined,
      evaluations: undefined,
    };
    render(detailView(state({ route: { name: 'detail', runId: r.id }, detail }), actions), root);
    const t = text();
    expect(t).not.toMatch(/undefined|NaN|null|Invalid Date/);
    expect(t).toContain('Generation model not reported');
    expect(t).toContain('Requested not reported');
    expect(t).toContain('Cost so far —');
    expect(t).toContain('Samples done —');
    expect(t).toContain('Dataset none (seedless spec)');
    expect(t).toContain('Files appear here once the run has succeeded.');
    expect(t).toContain('Cancel');
  });

  it('says when the run does not exist, and offers the way back to the list rather than a retry', async () => {
    const { NotFoundError } = await import('@df/browser');
    const { actions } = recordingActions();
    const id = '00000000-0000-4000-8000-000000000000';
    for (const [runId, says] of [
      [id, `There is no run ${id} in this account`],
      ['b327ea68', 'No run in this account has an id starting with b327ea68'],
    ] as const) {
      const detail = { ...emptyDetail(runId), error: new NotFoundError('Not found.', { status: 404 }) };
      render(detailView(state({ route: { name: 'detail', runId }, detail }), actions), root);
      expect(text()).toContain('No such run');
      expect(text()).toContain(says);
      const message = root.querySelector('#message')!;
      expect(message.querySelector('a.button.primary')!.textContent).toBe('Back to runs');
      expect(message.querySelector('a.button.primary')!.getAttribute('href')).toBe('#/');
      expect(message.querySelectorAll('button')).toHaveLength(0);
    }
  });

  it('lists the runs a short id matches when it matches more than one', () => {
    const { actions } = recordingActions();
    const matches = ['b3270000-0000-4000-8000-000000000001', 'b3271111-0000-4000-8000-000000000002'];
    const detail = { ...emptyDetail('b327'), matches };
    render(detailView(state({ route: { name: 'detail', runId: 'b327' }, detail }), actions), root);
    expect(text()).toContain(`${matches.length} runs have an id starting with b327`);
    expect([...root.querySelectorAll('.matches a')].map((a) => a.getAttribute('href'))).toEqual(matches.map((m) => `#/runs/${m}`));
    expect(root.querySelector('#message a.button.primary')!.textContent).toBe('Back to runs');
  });
});

describe('createFormView', () => {
  it('offers only usable specs, lists the others with their reason, and the models from models.list()', () => {
    const { actions } = recordingActions();
    const models = readModels({
      models: [
        { id: 'anthropic/claude-haiku-4-5', provider: 'anthropic' },
        { id: 'anthropic/claude-sonnet-4-6', default: true },
        'databricks/databricks-gpt-5',
      ],
    });
    render(createFormView(state({ specs, models }), actions), root);
    const enabled = [...root.querySelectorAll<HTMLOptionElement>('#create-spec option:not([disabled])')].map((o) => o.value);
    expect(enabled).toEqual(['s-ready', 's-old']);
    const disabled = [...root.querySelectorAll<HTMLOptionElement>('#create-spec option[disabled]')].map((o) => o.textContent!.trim());
    expect(disabled).toEqual(['Building spec: still being built', 'Broken spec: its build failed']);
    const modelOptions = [...root.querySelectorAll<HTMLOptionElement>('#create-model option')].map((o) => o.value);
    expect(modelOptions).toEqual(['', 'anthropic/claude-haiku-4-5', 'anthropic/claude-sonnet-4-6', 'databricks/databricks-gpt-5']);
    // Names without their provider, which the group shows: short enough for a phone-wide select.
    expect(root.querySelector('#create-model option[value=""]')!.textContent).toBe('Default (claude-sonnet-4-6)');
    const groups = [...root.querySelectorAll('#create-model optgroup')].map((g) => g.getAttribute('label'));
    expect(groups).toEqual(['anthropic', 'databricks (needs Databricks credentials)']);
    expect(root.querySelector('#create-model option[value="databricks/databricks-gpt-5"]')!.textContent).toBe('databricks-gpt-5');
    expect(root.querySelector('details.advanced summary')!.textContent).toBe('Advanced parameters');
  });

  it("offers the SDK's model names when the server's list could not be loaded, and says so", () => {
    const { actions } = recordingActions();
    render(createFormView(state({ specs, modelsError: new Error('down') }), actions), root);
    const offered = [...root.querySelectorAll<HTMLOptionElement>('#create-model option')].map((o) => o.value);
    // Grouped by provider, so compared as sets.
    expect(offered.sort()).toEqual(['', ...GENERATION_MODELS].sort());
    expect(text()).toContain('these are the models this page knows');
  });

  it('puts the submit button after every field, and a toggle that says whether the form is open', () => {
    const { actions, calls } = recordingActions();
    for (const createOpen of [false, true]) {
      render(createFormView(state({ specs, createOpen }), actions), root);
      const toggle = root.querySelector<HTMLButtonElement>('.create-toggle')!;
      expect(toggle.getAttribute('aria-expanded')).toBe(String(createOpen));
      expect(toggle.getAttribute('aria-controls')).toBe('create-form');
      expect(root.querySelector('section')!.classList.contains('create--closed')).toBe(!createOpen);
      toggle.click();
    }
    expect(calls).toEqual([['toggleCreate'], ['toggleCreate']]);
    const controls = [...root.querySelectorAll('#create-form input, #create-form select, #create-form button:not(.copy)')];
    expect(controls.at(-1)!.id).toBe('create-submit');
  });

  it('reserves a line for every field message, so showing one does not add elements', () => {
    const { actions } = recordingActions();
    render(createFormView(state({ specs }), actions), root);
    const before = root.querySelectorAll('.field-error').length;
    const shown = state({ specs });
    shown.create = { ...shown.create, errors: { number_of_samples: 'Must be from 1 to 20,000, got 0.' } };
    render(createFormView(shown, actions), root);
    expect(root.querySelectorAll('.field-error').length).toBe(before);
    expect(root.querySelector('#create-samples-error')!.textContent).toBe('Must be from 1 to 20,000, got 0.');
    expect(root.querySelector('#create-samples')!.getAttribute('aria-invalid')).toBe('true');
  });

  it('shows a Databricks issue under the credentials, marks the field it names, and points each field at the message', () => {
    const { actions } = recordingActions();
    const shown = state({ specs });
    shown.create = { ...shown.create, errors: { databricks_client_secret: 'Databricks client secret is missing.' } };
    render(createFormView(shown, actions), root);
    expect(root.querySelector('#create-databricks-error')!.textContent).toBe('Databricks client secret is missing.');
    const fields = [...root.querySelectorAll<HTMLInputElement>('fieldset.databricks input')];
    expect(fields.map((input) => [input.name, input.getAttribute('aria-invalid')])).toEqual(
      DATABRICKS_PARAMS.map((name) => [name, name === 'databricks_client_secret' ? 'true' : 'false']),
    );
    for (const input of fields) expect(input.getAttribute('aria-describedby')).toBe('create-databricks-error');
  });

  it('hands createRun the values by parameter name on submit: numbers, true for a ticked box, blanks left undefined', () => {
    const { actions, calls } = recordingActions();
    render(createFormView(state({ specs }), actions), root);
    const form = root.querySelector('form')!;
    (form.querySelector('[name="skip_outline"]') as HTMLInputElement).checked = true;
    (form.querySelector('[name="max_revision_cycles"]') as HTMLInputElement).value = ' 2 ';
    const values = formValues(form);
    expect(values).toMatchObject({ spec_id: 's-ready', number_of_samples: 100, max_revision_cycles: 2, skip_outline: true });
    expect(Object.keys(values)).toContain('generation_model');
    expect(values['generation_model']).toBeUndefined();
    expect(values['unified_multifield']).toBeUndefined();
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(calls).toEqual([['createRun', values]]);
  });

  it('shows the started run with a link and a copy button', () => {
    const { actions } = recordingActions();
    const started = state({ specs });
    started.create = { ...started.create, phase: 'started', runId: 'abc12345-0000', message: 'Run abc12345 started for 300 samples.' };
    render(createFormView(started, actions), root);
    expect(root.querySelector('#create-result')!.textContent).toBe('Run abc12345 started for 300 samples.');
    expect(root.querySelector('.form-actions a')!.getAttribute('href')).toBe('#/runs/abc12345-0000');
    expect(root.querySelector('.form-actions button.copy')!.textContent).toContain('abc12345-0000');
  });
});

describe('confirmView', () => {
  it('asks in a modal dialog before cancelling, with the progress so far, and reports the answer', async () => {
    const { actions, calls } = recordingActions();
    const r = run();
    render(appView(state({ runs: [r], requested: new Map([[r.id, 20000]]), confirm: { action: 'cancel', runId: r.id } }), actions), root);
    const dialog = root.querySelector('dialog')!;
    await Promise.resolve();
    expect(dialog.open).toBe(true);
    expect(dialog.textContent).toContain('Cancel run 0d918362?');
    expect(dialog.textContent).toContain('1,200 of 20,000 samples are done, for $4.80');
    const [keep, go] = [...dialog.querySelectorAll('button')];
    keep!.click();
    go!.click();
    expect(calls).toEqual([['dismiss'], ['confirm']]);
    render(appView(state({ runs: [r] }), actions), root);
    expect(root.querySelector('dialog')).toBeNull();
  });

  it('asks before deleting, and says it cannot be undone', () => {
    const { actions } = recordingActions();
    const r = run();
    render(appView(state({ runs: [r], confirm: { action: 'delete', runId: r.id } }), actions), root);
    expect(root.querySelector('dialog')!.textContent).toContain('cannot be undone');
  });
});
