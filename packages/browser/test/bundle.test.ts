import { describe, expect, it } from 'vitest';
import { LIST_ONLY_PAGE, WHOLE_CLIENT_PAGE, bundlePage } from '../bench/bundlePage.mjs';

// Text that only create, cancel or delete code contains. Sizes are measured by `pnpm bench`, not asserted here.
const WRITE_ONLY_TEXT = [
  'cancel/', // the cancel path
  'number_of_samples', // the create body check
  'buildCreateRunRequest',
  'databricks', // create-only model credential checks
  'runs.create',
  'runs.cancel',
  'runs.delete',
  'seed_shuffling_level',
  'idempotency-key', // the create's retry key header
  'may or may not have started a run', // the create's unknown-outcome error
  'seed-datasets/', // every dataset operation but list and delete
  '/datasets/', // dataset list and delete
  'datasets.create', // and the lookup by name after a lost answer
  'specs.create',
  'specs.replace',
  'evaluations/',
  'api-key/rotate',
];

describe('tree-shaking in a browser bundle', () => {
  it('a page that only lists runs carries no create, cancel or delete code, and nothing of datasets, specs, evaluations or keys', async () => {
    const { code } = await bundlePage(LIST_ONLY_PAGE);
    expect(code).toContain('/api/dataframer');
    expect(code).toContain('/runs/');
    for (const text of WRITE_ONLY_TEXT) expect(code, `list-only bundle contains "${text}"`).not.toContain(text);
  }, 30_000);

  it('leaves strict response checks out unless the page asks for them', async () => {
    const { code } = await bundlePage(LIST_ONLY_PAGE);
    const strict = await bundlePage(
      `import { createClient, strictSchemas } from '@df/browser'; globalThis.c = createClient({ schemas: strictSchemas });`,
    );
    expect(code).not.toContain('strict');
    expect(strict.code).toContain('strict');
  }, 30_000);

  it('the whole client does carry them (the check above would notice nothing otherwise)', async () => {
    const { code } = await bundlePage(WHOLE_CLIENT_PAGE);
    for (const text of [
      'cancel/',
      'number_of_samples',
      'runs.create',
      'runs.delete',
      'idempotency-key',
      'may or may not have started a run',
      'seed-datasets/',
      '/datasets/',
      'datasets.create',
      'specs.create',
      'specs.replace',
      'evaluations/',
      'api-key/rotate',
    ])
      expect(code).toContain(text);
  }, 30_000);
});
