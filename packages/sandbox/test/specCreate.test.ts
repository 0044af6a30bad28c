import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Sandbox } from '../src/index';
import { DATABRICKS_PARAMS, SPEC_FAILURE_MARKER, SPEC_GENERATION_MS } from '../src/internal/rules';
import { createApi } from './api';
import { manualClock, openSandbox } from './helpers';
import { csv, file, type Part, upload } from './uploads';

const clock = manualClock();
let sandbox: Sandbox;
let acme: ReturnType<typeof createApi>;
let globex: ReturnType<typeof createApi>;
beforeAll(async () => {
  const opened = await openSandbox({ seed: 33, now: clock.now, failureRate: 0 });
  sandbox = opened.sandbox;
  acme = opened.api;
  globex = createApi(sandbox.url, sandbox.keys.globex);
});
afterAll(() => sandbox.stop());
afterEach(() => {
  sandbox.control.reset();
  sandbox.faults.clear();
});

/** A SINGLE_FILE dataset of the CSV `csv()` writes (columns id, text, label); its id. */
async function dataset(key = sandbox.keys.acme, name = 'seed for specs'): Promise<string> {
  const parts: Part[] = [
    ['name', name],
    ['dataset_type', 'SINGLE_FILE'],
    ['files', file('seed.csv', csv(4))],
  ];
  const { status, body } = await upload(sandbox, '/seed-datasets/create/', parts, key);
  expect(status).toBe(201);
  return body.id;
}

type Variation = { property_name: string; property_values: string[]; base_distributions: Record<string, number> };

describe('spec creation', () => {
  it('answers 201 {id}; the spec is PROCESSING without YAML or versions, then SUCCEEDED with YAML made from the dataset', async () => {
    const datasetId = await dataset();
    const created = await acme('POST', '/specs/', { body: { name: 'from seed', dataset_id: datasetId } });
    expect(created.status).toBe(201);
    expect(Object.keys(created.body)).toEqual(['id']);
    const path = `/specs/${created.body.id}/?include_versions=true`;
    expect((await acme('GET', path)).body).toMatchObject({ status: 'PROCESSING', content_yaml: null, versions: [] });
    expect(((await acme('GET', '/specs/')).body as Array<{ id: string }>).map((s) => s.id)).toContain(created.body.id);

    clock.advance(SPEC_GENERATION_MS);
    const spec = (await acme('GET', path)).body;
    expect(spec).toMatchObject({ status: 'SUCCEEDED', dataset_id: datasetId, dataset_name: 'seed for specs', dataset_type: 'SINGLE_FILE' });
    expect(spec.versions).toHaveLength(1);
    expect(spec.versions[0].content_yaml).toBe(spec.content_yaml);
    const content = parse(spec.content_yaml as string) as { spec: Record<string, unknown> };
    expect(Object.keys(content)).toEqual(['spec']);
    expect(content.spec).toEqual(expect.objectContaining({ description: expect.any(String), requirements: expect.any(String) }));
    const variations = content.spec.data_property_variations as Variation[];
    expect(variations.map((v) => v.property_name)).toEqual(csv(0).split(','));
    for (const v of variations) {
      expect(Object.keys(v.base_distributions)).toEqual(v.property_values);
      expect(Object.values(v.base_distributions).reduce((a, b) => a + b, 0)).toBe(100);
    }
  });

  it('is usable for a run once SUCCEEDED, and not before', async () => {
    const { body } = await acme('POST', '/specs/', { body: { name: 'for runs', dataset_id: await dataset() } });
    const early = await acme('POST', '/runs/', { body: { spec_id: body.id, number_of_samples: 5 } });
    expect(early.status).toBe(400);
    expect(early.body.detail).toContain('PROCESSING');
    clock.advance(SPEC_GENERATION_MS);
    const run = await acme('POST', '/runs/', { body: { spec_id: body.id, number_of_samples: 5 } });
    expect(run.status).toBe(201);
    clock.advance(60_000);
    expect((await acme('GET', `/runs/${run.body.id}/`)).body).toMatchObject({
      status: 'SUCCEEDED',
      spec_id: body.id,
      samples_completed: 5,
    });
  });

  it('makes a seedless spec from objectives: no dataset, the objectives as its requirements', async () => {
    const objectives = 'Short customer emails about late deliveries';
    const { body } = await acme('POST', '/specs/', { body: { name: 'seedless', generation_objectives: objectives } });
    clock.advance(SPEC_GENERATION_MS);
    const spec = (await acme('GET', `/specs/${body.id}/`)).body;
    expect(spec).toMatchObject({ status: 'SUCCEEDED', dataset_id: null, dataset_name: null });
    expect((parse(spec.content_yaml) as { spec: { requirements: string } }).spec.requirements).toBe(objectives);
  });

  it('spreads every property evenly with generate_distributions false, and records the options in runtime_params', async () => {
    const body = {
      name: 'uniform',
      generation_objectives: 'x',
      generate_distributions: false,
      spec_generation_model_name: 'openai/gpt-oss-120b',
    };
    const { body: created } = await acme('POST', '/specs/', { body });
    clock.advance(SPEC_GENERATION_MS);
    const spec = (await acme('GET', `/specs/${created.id}/`)).body;
    expect(spec.runtime_params).toMatchObject({ spec_generation_model_name: 'openai/gpt-oss-120b', generate_distributions: false });
    for (const v of (parse(spec.content_yaml) as { spec: { data_property_variations: Variation[] } }).spec.data_property_variations) {
      const shares = Object.values(v.base_distributions);
      expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
    }
  });

  it(`ends FAILED when the name or objectives hold ${SPEC_FAILURE_MARKER}: no YAML, no versions, no runs`, async () => {
    for (const body of [
      { name: `broken ${SPEC_FAILURE_MARKER}`, generation_objectives: 'x' },
      { name: 'broken objectives', generation_objectives: `x ${SPEC_FAILURE_MARKER}` },
    ]) {
      const { body: created } = await acme('POST', '/specs/', { body });
      clock.advance(SPEC_GENERATION_MS);
      const spec = (await acme('GET', `/specs/${created.id}/?include_versions=true`)).body;
      expect(spec).toMatchObject({ status: 'FAILED', content_yaml: null, versions: [] });
      const run = await acme('POST', '/runs/', { body: { spec_id: created.id, number_of_samples: 1 } });
      expect(run.status).toBe(400);
    }
  });

  it('ends FAILED at the failure rate', async () => {
    const failing = await openSandbox({ seed: 34, failureRate: 1, speed: 1000 });
    try {
      const { body } = await failing.api('POST', '/specs/', { body: { name: 'unlucky', generation_objectives: 'x' } });
      failing.sandbox.control.advance(SPEC_GENERATION_MS);
      expect((await failing.api('GET', `/specs/${body.id}/`)).body.status).toBe('FAILED');
    } finally {
      await failing.sandbox.stop();
    }
  });
});

describe('spec create errors', () => {
  const refused = async (body: unknown, invalidRequest = false) => {
    const answer = await acme('POST', '/specs/', { body, invalidRequest });
    expect(answer.status).toBe(400);
    return answer.body;
  };

  it('requires exactly one of dataset_id and generation_objectives', async () => {
    expect(Object.keys(await refused({ name: 'neither' }))).toEqual(['generation_objectives']);
    const both = await refused({ name: 'both', dataset_id: await dataset(), generation_objectives: 'x' });
    expect(both.generation_objectives).toEqual([expect.stringContaining('not both')]);
  });

  it("refuses an unknown dataset and another company's dataset", async () => {
    const theirs = await dataset(sandbox.keys.globex, 'globex seed');
    for (const id of ['00000000-0000-4000-8000-000000000000', theirs]) {
      expect(await refused({ name: 'elsewhere', dataset_id: id })).toEqual({ dataset_id: [`Dataset ${id} was not found.`] });
    }
    expect((await globex('POST', '/specs/', { body: { name: 'theirs', dataset_id: theirs } })).status).toBe(201);
  });

  it('refuses a name already used in the company, and takes it in another company', async () => {
    expect((await acme('POST', '/specs/', { body: { name: 'once', generation_objectives: 'x' } })).status).toBe(201);
    expect(await refused({ name: 'once', generation_objectives: 'y' })).toEqual({ name: ['A spec named "once" already exists.'] });
    expect((await globex('POST', '/specs/', { body: { name: 'once', generation_objectives: 'x' } })).status).toBe(201);
  });

  it('refuses an unknown model, and a databricks/ model without its fields', async () => {
    const unknown = await refused(
      { name: 'm', generation_objectives: 'x', spec_generation_model_name: 'anthropic/claude-sonnet-4-5' },
      true,
    );
    expect(unknown).toEqual({ spec_generation_model_name: ['"anthropic/claude-sonnet-4-5" is not a valid choice.'] });
    const databricks = await refused({ name: 'm', generation_objectives: 'x', spec_generation_model_name: 'databricks/databricks-gpt-5' });
    expect(Object.keys(databricks)).toEqual([...DATABRICKS_PARAMS]);
  });
});

describe('spec replace', () => {
  /** A SUCCEEDED spec created through the API; its id. */
  async function succeeded(name: string): Promise<string> {
    const { body } = await acme('POST', '/specs/', { body: { name, generation_objectives: 'x' } });
    clock.advance(SPEC_GENERATION_MS);
    return body.id;
  }
  const yaml = (description: string) =>
    `spec:\n  description: ${description}\n  requirements: Keep it short.\nmetadata:\n  ignored: true\n`;

  it('PUT makes a new version, which the detail shows with include_versions', async () => {
    const id = await succeeded('replaced');
    const put = await acme('PUT', `/specs/${id}/`, { body: { content_yaml: yaml('second') } });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ id, status: 'SUCCEEDED', content_yaml: yaml('second') });
    const spec = (await acme('GET', `/specs/${id}/?include_versions=true`)).body;
    expect(spec.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(spec.content_yaml).toBe(yaml('second'));
    expect((await acme('POST', '/runs/', { body: { spec_id: id, number_of_samples: 1, spec_version: 2 } })).status).toBe(201);
  });

  it("PATCH, the older overview's method, replaces the same way", async () => {
    const id = await succeeded('patched');
    const response = await fetch(`${sandbox.url}/api/dataframer/specs/${id}/`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${sandbox.keys.acme}`, 'content-type': 'application/json' },
      body: JSON.stringify({ content_yaml: yaml('patched') }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { versions: unknown[] }).versions).toHaveLength(2);
  });

  it('refuses YAML that does not parse, or has no spec: root, with a field error', async () => {
    const id = await succeeded('strict');
    const broken = await acme('PUT', `/specs/${id}/`, { body: { content_yaml: 'spec: [unclosed' } });
    expect(broken.status).toBe(400);
    expect(broken.body.content_yaml).toEqual([expect.stringMatching(/^Invalid YAML: /)]);
    const rootless = await acme('PUT', `/specs/${id}/`, { body: { content_yaml: 'description: no root\n' } });
    expect(rootless.body).toEqual({ content_yaml: ['The YAML needs a "spec:" root key holding the spec\'s fields.'] });
    expect((await acme('GET', `/specs/${id}/?include_versions=true`)).body.versions).toHaveLength(1);
  });

  it("refuses a PROCESSING or FAILED spec with 400, and another company's with 404", async () => {
    const { body: processing } = await acme('POST', '/specs/', { body: { name: 'busy', generation_objectives: 'x' } });
    const busy = await acme('PUT', `/specs/${processing.id}/`, { body: { content_yaml: yaml('x') } });
    expect(busy.status).toBe(400);
    expect(busy.body.detail).toContain('PROCESSING');
    const failed = ((await acme('GET', '/specs/')).body as Array<{ id: string; status: string }>).find((s) => s.status === 'FAILED');
    expect((await acme('PUT', `/specs/${failed?.id}/`, { body: { content_yaml: yaml('x') } })).status).toBe(400);
    const id = await succeeded('mine');
    expect((await globex('PUT', `/specs/${id}/`, { body: { content_yaml: yaml('x') } })).status).toBe(404);
  });
});

describe('faults on the spec routes', () => {
  it('drop-after-act creates the spec, then drops the answer; the name finds it', async () => {
    sandbox.faults.add('POST /specs/ drop-after-act nth=1');
    const lost = await acme('POST', '/specs/', { body: { name: 'dropped spec', generation_objectives: 'x' } }).catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(Error);
    expect(sandbox.requests().at(-1)).toMatchObject({ path: '/api/dataframer/specs/', status: 201, delivered: false });
    const specs = (await acme('GET', '/specs/')).body as Array<{ name: string }>;
    expect(specs.filter((s) => s.name === 'dropped spec')).toHaveLength(1);
  });
});
