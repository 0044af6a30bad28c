import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import OpenAPIRequestValidator from 'openapi-request-validator';
import OpenAPIResponseValidator from 'openapi-response-validator';
import { parse } from 'yaml';

/** The project's copy of the contract, read at test time. */
const CONTRACT_PATH = fileURLToPath(new URL('../../../contract/dataframer-runs.openapi.yaml', import.meta.url));

type Json = Record<string, any>;

/** The contract document as written (the validators below work on their own copy, with the older spec statuses added). */
export function readContract(): Json {
  return parse(readFileSync(CONTRACT_PATH, 'utf8')) as Json;
}

const doc = readContract();

/**
 * One spec-status vocabulary. The list item's enum names SUCCEEDED and READY; the detail's SpecStatus names
 * READY only as its older value (`x-older-values`). The sandbox spells a usable spec one way everywhere
 * (SUCCEEDED by default, READY with `specReadyStatus`), so the detail is checked against SpecStatus's values
 * plus its older ones; the README names this reading, and the settings tests check that list and detail agree.
 */
const SPEC_STATUSES: string[] = [...doc.components.schemas.SpecStatus.enum, ...doc.components.schemas.SpecStatus['x-older-values']];
doc.components.schemas.SpecStatus.enum = SPEC_STATUSES;
// The replace answer spells its status inline, with the same values: the same one vocabulary applies.
doc.components.schemas.SpecReplaceResponse.properties.status.enum = SPEC_STATUSES;

/**
 * The fewest files an upload holds. The create body's `files` says "Minimum array length: 2", yet a SINGLE_FILE dataset takes exactly
 * one file (contract/NOTES.md); the validators take the fewest files of any type in the upload's `x-limits` instead.
 */
const uploadLimits = doc.paths['/api/dataframer/seed-datasets/create/'].post['x-limits'] as Record<string, Json>;
doc.components.schemas.SeedDatasetCreateRequest.properties.files.minItems = Math.min(
  ...Object.values(uploadLimits)
    .map((limits) => limits.minFiles)
    .filter((n): n is number => typeof n === 'number'),
);

/** Inlines every local $ref so the validators get self-contained schemas. */
function resolve(node: unknown): any {
  if (Array.isArray(node)) return node.map(resolve);
  if (!node || typeof node !== 'object') return node;
  const obj = node as Json;
  if (typeof obj.$ref === 'string') {
    const target = (obj.$ref as string)
      .replace(/^#\//, '')
      .split('/')
      .reduce((acc: Json, key) => acc[key], doc);
    return resolve(target);
  }
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, resolve(v)]));
}

const resolved = resolve(doc) as Json;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const customFormats = {
  uuid: (v: unknown) => typeof v !== 'string' || UUID.test(v),
  'date-time': (v: unknown) =>
    typeof v !== 'string' || (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v))),
  binary: () => true,
};

/**
 * Status codes the sandbox answers where the contract is silent (documented in the README,
 * "Where the contract is silent"); every other undocumented status fails the conformance check.
 */
export const SILENT_CASE_STATUSES: Record<string, number[]> = {
  'POST /api/dataframer/runs/': [415, 422],
  'PUT /api/dataframer/runs/{run_id}/': [400, 415],
  'POST /api/dataframer/runs/{run_id}/cancel/': [400],
  'GET /api/dataframer/runs/{run_id}/files/download/': [400],
  'GET /api/dataframer/runs/{run_id}/samples/': [400],
  'POST /api/dataframer/runs/{run_id}/samples/': [400, 415],
  'GET /api/dataframer/runs/{run_id}/generated-files/download-all/': [400],
  'POST /api/dataframer/runs/{run_id}/evaluations/': [400, 415],
  'GET /api/dataframer/specs/{spec_id}/': [400],
  'POST /api/dataframer/seed-datasets/create/': [415],
  'POST /api/dataframer/seed-datasets/create-from-zip/': [415],
  'DELETE /api/dataframer/datasets/{dataset_id}/': [400],
  'POST /api/dataframer/specs/': [415],
  'PUT /api/dataframer/specs/{spec_id}/': [415],
};

interface Operation {
  key: string;
  template: string;
  method: string;
  op: Json;
  pathParams: Json[];
}

const operations: Operation[] = Object.entries(resolved.paths as Json).flatMap(([template, item]) =>
  ['get', 'post', 'put', 'delete', 'patch']
    .filter((m) => (item as Json)[m])
    .map((m) => ({
      key: `${m.toUpperCase()} ${template}`,
      template,
      method: m.toUpperCase(),
      op: (item as Json)[m],
      pathParams: ((item as Json).parameters ?? []) as Json[],
    })),
);

function match(method: string, pathname: string): { operation: Operation; params: Record<string, string> } | undefined {
  for (const operation of operations) {
    if (operation.method !== method) continue;
    const names: string[] = [];
    const pattern = new RegExp(
      '^' +
        operation.template.replace(/\{([^}]+)\}/g, (_, name: string) => {
          names.push(name);
          return '([^/]+)';
        }) +
        '$',
    );
    const m = pattern.exec(pathname);
    if (m) return { operation, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1] as string)])) };
  }
  return undefined;
}

/** One request/response pair to check against the contract. */
export interface Exchange {
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody?: unknown;
  status: number;
  responseBody: unknown;
}

/** Options of a check: what the test deliberately sends or expects outside the contract. */
export interface CheckOptions {
  /** The test sends an invalid request on purpose (e.g. to see a 400); skip request validation. */
  invalidRequest?: boolean;
  /** Statuses the test provokes on purpose outside the contract (injected faults, 405, unknown paths). */
  allowStatuses?: number[];
}

/** Turns query strings into the types their parameters declare, as a web framework's coercion step would. */
function coerceQuery(parameters: Json[], search: URLSearchParams): Record<string, unknown> {
  const query: Record<string, unknown> = Object.fromEntries(search);
  for (const p of parameters) {
    const value = query[p.name];
    if (p.in !== 'query' || typeof value !== 'string') continue;
    const type = p.schema?.type;
    if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value)) query[p.name] = Number(value);
    if (type === 'boolean' && (value === 'true' || value === 'false')) query[p.name] = value === 'true';
  }
  return query;
}

// Building a validator compiles its schemas: one per operation (and status) serves every check.
const validators = new Map<string, any>();
function cached<T>(key: string, build: () => T): T {
  if (!validators.has(key)) validators.set(key, build());
  return validators.get(key) as T;
}

/** Which exchanges were checked, by operation and status, for the conformance coverage test. */
export const checked: Array<{ key: string; status: number; documented: boolean }> = [];

/** Validates a request and its response against the OpenAPI document; throws with every problem found. */
export function checkExchange(exchange: Exchange, options: CheckOptions = {}): void {
  const url = new URL(exchange.url);
  const found = match(exchange.method, url.pathname);
  if (!found) {
    if (options.allowStatuses?.includes(exchange.status)) return;
    throw new Error(`${exchange.method} ${url.pathname} is not an operation of the contract`);
  }
  const { operation, params } = found;
  const problems: string[] = [];
  if (!options.invalidRequest) {
    const parameters = [...operation.pathParams, ...((operation.op.parameters ?? []) as Json[])];
    const validator = cached(
      `request ${operation.key}`,
      () => new OpenAPIRequestValidator({ parameters, requestBody: operation.op.requestBody, customFormats } as any),
    );
    const headers = Object.fromEntries(Object.entries(exchange.requestHeaders).map(([k, v]) => [k.toLowerCase(), v]));
    if (exchange.requestBody !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const result = validator.validateRequest({
      headers,
      body: structuredClone(exchange.requestBody),
      params,
      query: coerceQuery(parameters, url.searchParams),
    });
    if (result) problems.push(`request: ${JSON.stringify(result.errors)}`);
  }
  const responses = operation.op.responses as Json;
  const code = String(exchange.status);
  const documented = code in responses || `${code[0]}XX` in responses;
  checked.push({ key: operation.key, status: exchange.status, documented });
  if (!documented) {
    const silent = SILENT_CASE_STATUSES[operation.key] ?? [];
    if (!silent.includes(exchange.status) && !options.allowStatuses?.includes(exchange.status)) {
      problems.push(`status ${code} is not documented for ${operation.key} and is not a listed silent-case choice`);
    }
  } else {
    const response = (responses[code] ?? responses[`${code[0]}XX`]) as Json;
    // A response documented without a body: only the status is checked (the contract says nothing about it).
    const body = response.content ? exchange.responseBody : null;
    const validator = cached(
      `response ${operation.key} ${code}`,
      () => new OpenAPIResponseValidator({ responses: { [code]: response }, customFormats } as any),
    );
    const result = validator.validateResponse(exchange.status, structuredClone(body));
    if (result) problems.push(`response ${code}: ${JSON.stringify(result.errors)}`);
  }
  if (problems.length > 0)
    throw new Error(`Contract check failed for ${exchange.method} ${url.pathname}${url.search}:\n${problems.join('\n')}`);
}

/** The operation keys of the contract, e.g. `GET /api/dataframer/runs/`. */
export const contractOperations = operations.map((o) => o.key);

/** Every documented answer of every operation: its key and status (`2XX` for a range). */
export const documentedAnswers: Array<{ key: string; status: string }> = operations.flatMap((o) =>
  Object.keys(o.op.responses as Json).map((status) => ({ key: o.key, status })),
);
