import { describe, expectTypeOf, it } from 'vitest';
import type * as browser from '../src/index';
import { createDataset } from '../src/index';
import { createClient, strictSchemas, type BrowserClient, type BrowserClientOptions, type DataframerClient, type Run } from '../src/index';

describe('the browser client', () => {
  it('is the full client', () => {
    expectTypeOf(createClient).toEqualTypeOf<(options?: BrowserClientOptions) => BrowserClient>();
    expectTypeOf<BrowserClient>().toEqualTypeOf<DataframerClient>();
    expectTypeOf(createClient({ schemas: strictSchemas }).runs.list).returns.resolves.toEqualTypeOf<Run[]>();
  });
});

describe('uploads in a page', () => {
  it('take Blobs, Files or { name, data }, never a path', () => {
    const client = createClient({});
    expectTypeOf(client.datasets.create).parameter(0).toEqualTypeOf<browser.CreateDatasetParams<browser.UploadFile>>();
    expectTypeOf<File>().toExtend<browser.UploadFile>();
    expectTypeOf<string>().not.toExtend<browser.UploadFile>();
    expectTypeOf(createDataset).parameter(1).toEqualTypeOf<browser.CreateDatasetParams>();
  });
});
