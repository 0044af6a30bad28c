import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain script of the repository, without types
import { exportNames } from '../../../scripts/export-names.mjs';
import * as constants from '../src/constants';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
type Json = Record<string, unknown>;
const doc = parse(readFileSync(here('../../../contract/dataframer-runs.openapi.yaml'), 'utf8')) as {
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json> };
};
const schema = (name: string) =>
  doc.components.schemas[name] as {
    enum: string[];
    properties: Record<string, Json>;
    'x-older-values'?: string[];
    'x-evaluation-success-values'?: string[];
  };

describe('@df/core/constants says what the contract says', () => {
  it.each([
    ['RUN_STATUSES', constants.RUN_STATUSES, 'RunStatus'],
    ['SPEC_STATUSES', constants.SPEC_STATUSES, 'SpecStatus'],
    ['DATASET_TYPES', constants.DATASET_TYPES, 'DatasetType'],
    ['GENERATION_MODELS', constants.GENERATION_MODELS, 'GenerationModel'],
    ['SEED_SHUFFLING_LEVELS', constants.SEED_SHUFFLING_LEVELS, 'SeedShufflingLevel'],
    ['EVALUATION_STATUSES', constants.EVALUATION_STATUSES, 'EvaluationStatus'],
  ] as const)('%s is the enum the contract gives', (_name, values, schemaName) => {
    expect([...values]).toEqual(schema(schemaName).enum);
  });

  it('counts as usable exactly the succeeded spec statuses, newest and older names', () => {
    const spec = schema('SpecStatus');
    const usable = [...spec.enum, ...(spec['x-older-values'] ?? [])].filter(constants.isUsableSpecStatus);
    expect(usable).toEqual(['SUCCEEDED', ...(spec['x-older-values'] ?? [])]);
  });

  it('counts as a finished evaluation exactly the success values the contract lists, and FAILED; anything else keeps a wait going', () => {
    const status = schema('EvaluationStatus');
    const success = status['x-evaluation-success-values'] ?? [];
    expect(success.length).toBeGreaterThan(0);
    const all = [...new Set([...status.enum, ...success, 'QUEUED', 'RUNNING', 'CANCELED', 'succeeded', ''])];
    expect(all.filter(constants.isEvaluationSuccess)).toEqual(success);
    expect(all.filter(constants.isTerminalEvaluationStatus)).toEqual(
      [...success, 'FAILED'].sort((a, b) => all.indexOf(a) - all.indexOf(b)),
    );
  });

  it('has the dataset limits of the create operation, type by type and key by key', () => {
    const post = doc.paths['/api/dataframer/seed-datasets/create/']?.post as { 'x-limits': Record<string, Record<string, unknown>> };
    const limits = post['x-limits'];
    expect(Object.keys(constants.DATASET_LIMITS)).toEqual([...constants.DATASET_TYPES]);
    for (const type of constants.DATASET_TYPES) {
      // minRows needs the file read, which the client does not do before sending: the server checks it.
      const { minRows: _rows, ...contract } = limits[type] ?? {};
      expect({ type, ...constants.DATASET_LIMITS[type] }).toEqual({ type, ...contract });
    }
  });

  it('has the sample limits of the create body and of one samples page', () => {
    expect(constants.MAX_SAMPLES_PER_RUN).toBe(schema('CreateRunRequest').properties.number_of_samples?.maximum);
    const samples = doc.paths['/api/dataframer/runs/{run_id}/samples/']?.get as { parameters: { name: string; schema: Json }[] };
    expect(constants.MAX_SAMPLES_PAGE).toBe(samples.parameters.find((p) => p.name === 'limit')?.schema.maximum);
  });

  it('names every model parameter of the create body, and the databricks parameters a databricks/ model needs', () => {
    const fields = Object.keys(schema('CreateRunRequest').properties);
    expect([...constants.MODEL_PARAMS].sort()).toEqual(fields.filter((name) => name.endsWith('_model')).sort());
    expect([...constants.DATABRICKS_PARAMS].sort()).toEqual(fields.filter((name) => name.startsWith('databricks_')).sort());
  });
});

describe('the @df/core/constants entry', () => {
  it('exports exactly the committed list (exports.constants.txt)', { timeout: 60_000 }, () => {
    const committed = readFileSync(here('../exports.constants.txt'), 'utf8').trim().split('\n');
    expect((exportNames as (entry: string) => string[])(here('../src/constants.ts'))).toEqual(committed);
  });

  it('pulls in no transport, schema or error code, so a page can use it without the client', async () => {
    const result = await build({
      stdin: { contents: "export * from '@df/core/constants';", resolveDir: here('.'), loader: 'ts' },
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'neutral',
      conditions: ['@df/source'],
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs).filter((path) => path !== '<stdin>');
    expect(inputs.length).toBeGreaterThan(0);
    expect(inputs.filter((path) => /node_modules|\/(transport|operations|errors|internal)\//.test(path))).toEqual([]);
    expect(inputs.every((path) => path.startsWith('src/'))).toBe(true);
  });
});
