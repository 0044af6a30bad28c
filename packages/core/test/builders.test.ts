import { describe, expect, it } from 'vitest';
import {
  buildCancelRunRequest,
  buildCheckHealthRequest,
  buildCreateRunRequest,
  buildDeleteRunRequest,
  buildListModelsRequest,
  buildListRunSamplesRequest,
  buildListRunsRequest,
  buildListSpecsRequest,
  buildRequestRunFilesRequest,
  buildRetrieveRunRequest,
  buildRetrieveSpecRequest,
  RequestValidationError,
  type CreateRunParams,
} from '../src/index';
import * as core from '../src/index';
import type { Operation } from '../src/types';

const RUN = '3f2b8c1e-5d4a-4b7e-9c2d-1a2b3c4d5e6f';

describe('request builders', () => {
  it('build every operation of the contract as plain objects', () => {
    expect(buildListRunsRequest()).toEqual({ method: 'GET', path: '/api/dataframer/runs/', retry: 'safe' });
    expect(buildRetrieveRunRequest(RUN)).toEqual({ method: 'GET', path: `/api/dataframer/runs/${RUN}/`, retry: 'safe' });
    expect(buildCancelRunRequest(RUN)).toEqual({ method: 'POST', path: `/api/dataframer/runs/${RUN}/cancel/`, retry: 'safe' });
    expect(buildDeleteRunRequest(RUN)).toEqual({ method: 'DELETE', path: `/api/dataframer/runs/${RUN}/`, retry: 'safe' });
    expect(buildRequestRunFilesRequest(RUN)).toEqual({
      method: 'GET',
      path: `/api/dataframer/runs/${RUN}/files/download/`,
      retry: 'safe',
    });
    expect(buildListRunSamplesRequest({ runId: RUN, offset: 20, limit: 10 })).toEqual({
      method: 'GET',
      path: `/api/dataframer/runs/${RUN}/samples/`,
      query: { offset: '20', limit: '10' },
      retry: 'safe',
    });
    expect(buildListRunSamplesRequest({ runId: RUN })).toEqual({
      method: 'GET',
      path: `/api/dataframer/runs/${RUN}/samples/`,
      retry: 'safe',
    });
    expect(buildListSpecsRequest()).toEqual({ method: 'GET', path: '/api/dataframer/specs/', retry: 'safe' });
    expect(buildRetrieveSpecRequest({ specId: 'spec-1', include_versions: true })).toEqual({
      method: 'GET',
      path: '/api/dataframer/specs/spec-1/',
      query: { include_versions: 'true' },
      retry: 'safe',
    });
    expect(buildRetrieveSpecRequest({ specId: 'spec-1' })).toEqual({ method: 'GET', path: '/api/dataframer/specs/spec-1/', retry: 'safe' });
    expect(buildListModelsRequest()).toEqual({ method: 'GET', path: '/api/dataframer/models/', retry: 'safe' });
    expect(buildCheckHealthRequest()).toEqual({ method: 'GET', path: '/api/dataframer/health/', retry: 'safe' });
  });

  it('builds a create with only the fields given, marked as a create', () => {
    expect(
      buildCreateRunRequest({
        spec_id: 'spec-1',
        number_of_samples: 20000,
        spec_version: 1,
        generation_model: 'anthropic/claude-haiku-4-5',
      }),
    ).toEqual({
      method: 'POST',
      path: '/api/dataframer/runs/',
      body: { spec_id: 'spec-1', number_of_samples: 20000, spec_version: 1, generation_model: 'anthropic/claude-haiku-4-5' },
      retry: 'create',
    });
    expect(buildCreateRunRequest({ spec_id: 's', number_of_samples: 1, spec_version: undefined } as CreateRunParams).body).toEqual({
      spec_id: 's',
      number_of_samples: 1,
    });
  });
});

describe('parameter checks happen before anything is sent', () => {
  const bad: Array<[string, unknown, string]> = [
    ['zero samples', { spec_id: 's', number_of_samples: 0 }, 'number_of_samples must be from 1 to 20000, got 0'],
    ['too many samples', { spec_id: 's', number_of_samples: 20001 }, 'number_of_samples must be from 1 to 20000, got 20001'],
    ['fractional samples', { spec_id: 's', number_of_samples: 1.5 }, 'number_of_samples must be an integer, got 1.5'],
    ['string samples', { spec_id: 's', number_of_samples: '10' }, 'number_of_samples must be an integer, got a string'],
    ['NaN samples', { spec_id: 's', number_of_samples: Number.NaN }, 'number_of_samples must be an integer, got NaN'],
    ['missing samples', { spec_id: 's' }, 'number_of_samples is required'],
    ['missing spec', { number_of_samples: 5 }, 'spec_id is required'],
    ['empty spec', { spec_id: '  ', number_of_samples: 5 }, 'spec_id must not be empty'],
    ['spec version 0', { spec_id: 's', number_of_samples: 5, spec_version: 0 }, 'spec_version must be at least 1, got 0'],
    ['bad shuffling', { spec_id: 's', number_of_samples: 5, seed_shuffling_level: 'all' }, 'seed_shuffling_level must be one of'],
    [
      'databricks without credentials',
      { spec_id: 's', number_of_samples: 5, generation_model: 'databricks/databricks-gpt-5' },
      'databricks/ models also need databricks_client_id, databricks_client_secret, databricks_api_base',
    ],
    ['not an object', null, 'expected an object of parameters, got null'],
  ];
  for (const [name, params, message] of bad) {
    it(`rejects ${name}`, () => {
      expect(() => buildCreateRunRequest(params as CreateRunParams)).toThrow(RequestValidationError);
      expect(() => buildCreateRunRequest(params as CreateRunParams)).toThrow(message);
    });
  }

  it('lists every problem at once with its path', () => {
    try {
      buildCreateRunRequest({ spec_id: '', number_of_samples: -1, spec_version: 1.2 } as CreateRunParams);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RequestValidationError);
      expect((error as RequestValidationError).issues.map((i) => i.path)).toEqual(['spec_id', 'number_of_samples', 'spec_version']);
    }
  });

  it('checks sample pages', () => {
    expect(() => buildListRunSamplesRequest({ runId: RUN, limit: 1001 })).toThrow('limit must be from 1 to 1000, got 1001');
    expect(() => buildListRunSamplesRequest({ runId: RUN, offset: -1 })).toThrow('offset must be at least 0, got -1');
    expect(() => buildRetrieveSpecRequest({ specId: 's', include_versions: 'yes' as unknown as boolean })).toThrow(
      'include_versions must be true or false',
    );
  });
});

describe('ids can never change the request path', () => {
  const builders = [buildRetrieveRunRequest, buildCancelRunRequest, buildDeleteRunRequest, buildRequestRunFilesRequest];

  it.each(['../specs', 'a/b?x', '..%2Fspecs', '%2e%2e', 'x#frag', 'a b', 'run/../../health'])('encodes %j into one segment', (id) => {
    for (const build of builders) {
      const { path } = build(id);
      const resolved = new URL(path, 'https://api.example.test').pathname;
      expect(resolved).toBe(path);
      const segment = resolved.split('/')[4]!;
      expect(decodeURIComponent(segment)).toBe(id);
      expect(resolved.startsWith('/api/dataframer/runs/')).toBe(true);
    }
  });

  it.each(['', '   ', '.', '..'])('rejects %j', (id) => {
    for (const build of builders) expect(() => build(id)).toThrow(RequestValidationError);
    expect(() => buildRetrieveSpecRequest({ specId: id })).toThrow(RequestValidationError);
  });

  it.each(['\uD800', 'run-\uDC00', 'a\uDBFFb'])('rejects %j (an unpaired surrogate) as a RequestValidationError, not a URIError', (id) => {
    for (const build of builders) expect(() => build(id)).toThrow(RequestValidationError);
    expect(() => buildRetrieveSpecRequest({ specId: id })).toThrow(RequestValidationError);
    expect(() => buildListRunSamplesRequest({ runId: id })).toThrow(RequestValidationError);
  });

  it('rejects non-string ids', () => {
    expect(() => buildRetrieveRunRequest(42 as unknown as string)).toThrow('the run id must be a string, got a number');
    expect(() => buildRetrieveRunRequest(undefined as unknown as string)).toThrow('the run id must be a string, got undefined');
  });
});

describe('every exported operation is a builder and a parser under one name', () => {
  const operations = Object.entries(core).filter(([name]) => name.endsWith('Operation')) as [string, Operation<unknown, unknown>][];

  it('pairs each operation with the builder exported beside it, so either can be used alone', () => {
    expect(operations.length).toBeGreaterThan(0);
    for (const [exportName, operation] of operations) {
      const stem = exportName.slice(0, -'Operation'.length);
      const capital = `${stem[0]?.toUpperCase()}${stem.slice(1)}`;
      const builder = (core as Record<string, unknown>)[capital.endsWith('Request') ? `build${capital}` : `build${capital}Request`];
      expect(operation.build, exportName).toBe(builder);
      expect(operation.name, exportName).toMatch(/^[a-z][a-zA-Z]*(\.[a-zA-Z]+)?$/);
      expect(typeof operation.parse, exportName).toBe('function');
    }
  });

  it('names every operation differently', () => {
    const names = operations.map(([, operation]) => operation.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
