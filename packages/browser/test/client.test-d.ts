import { describe, expectTypeOf, it } from 'vitest';
import { createClient, strictSchemas, type BrowserClient, type BrowserClientOptions, type DataframerClient, type Run } from '../src/index';

describe('the browser client', () => {
  it('is the full client', () => {
    expectTypeOf(createClient).toEqualTypeOf<(options?: BrowserClientOptions) => BrowserClient>();
    expectTypeOf<BrowserClient>().toEqualTypeOf<DataframerClient>();
    expectTypeOf(createClient({ schemas: strictSchemas }).runs.list).returns.resolves.toEqualTypeOf<Run[]>();
  });
});
