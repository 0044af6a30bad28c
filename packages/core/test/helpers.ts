import { afterEach, beforeEach, vi } from 'vitest';
import { createTransport, type Runtime, type TransportOptions } from '../src/index';

/** An obviously fake key; tests assert it never leaks. */
export const FAKE_KEY = 'sk_test_FAKE_canary_key_0000';

/** One scripted answer: a Response, or an error to throw as fetch would. */
export type Responder = (request: Request) => Response | Promise<Response>;

/** Records what the fake fetch was sent. */
interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  at: number;
}

/** A JSON response with optional headers. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** An error shaped like undici's `fetch failed` with a system error code underneath. */
export function networkError(code: string): TypeError {
  const cause = Object.assign(new Error(`connect ${code} 127.0.0.1:9`), { code });
  return new TypeError('fetch failed', { cause });
}

/** A transport over a scripted fetch; each call takes the next responder (the last one repeats). */
export function scriptedTransport(responders: Responder[], options: Partial<TransportOptions> = {}) {
  const sent: SentRequest[] = [];
  const lines: string[] = [];
  let index = 0;
  const fetch: Runtime['fetch'] = async (request) => {
    const headers: Record<string, string> = {};
    request.headers.forEach((value, key) => {
      headers[key] = value;
    });
    sent.push({ method: request.method, url: request.url, headers, body: await request.clone().text(), at: Date.now() });
    const responder = responders[Math.min(index++, responders.length - 1)]!;
    if (request.signal.aborted) throw request.signal.reason;
    return await new Promise<Response>((resolve, reject) => {
      request.signal.addEventListener('abort', () => reject(request.signal.reason), { once: true });
      Promise.resolve()
        .then(() => responder(request))
        .then(resolve, reject);
    });
  };
  const runtime: Runtime = {
    fetch,
    setTimeout: (cb, ms) => setTimeout(cb, ms),
    clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    now: () => Date.now(),
    random: () => 0.5,
    randomUUID: () => '00000000-0000-4000-8000-000000000001',
  };
  const transport = createTransport({
    baseUrl: 'https://api.example.test',
    runtime,
    getToken: () => FAKE_KEY,
    logger: { debug: (line) => lines.push(line) },
    ...options,
  });
  return { transport, sent, lines };
}

/** A run as the contract documents it. */
export function sampleRun(overrides: Record<string, unknown> = {}) {
  return {
    id: '3f2b8c1e-5d4a-4b7e-9c2d-1a2b3c4d5e6f',
    status: 'PROCESSING',
    spec_id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    spec_name: 'Support tickets',
    spec_version: 2,
    dataset_id: null,
    dataset_name: null,
    dataset_type: 'MULTI_FILE',
    samples_completed: 10,
    samples_failed: 1,
    total_cost: 0.42,
    created_at: '2026-11-28T10:00:00Z',
    created_by_email: 'dev@example.com',
    completed_at: null,
    ...overrides,
  };
}

/** A run detail with parameters and files. */
export function sampleRunDetail(overrides: Record<string, unknown> = {}) {
  return {
    ...sampleRun(),
    runtime_params: { number_of_samples: 100, generation_model: 'anthropic/claude-sonnet-4-6' },
    generated_files: [],
    ...overrides,
  };
}

/** Settles a promise while fake timers run, so a rejection is observed rather than reported as unhandled. */
export function settle<T>(promise: Promise<T>) {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

/** Runs the calling suite on fake timers starting at a fixed date. */
export function useFakeClock(): void {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-11-28T12:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}

/** Every path under `value` whose text holds `secret`: plain values, objects, arrays, Maps, Headers, Requests and Responses. */
export function findSecret(value: unknown, secret: string, path = '(root)', seen = new Set<unknown>()): string[] {
  if (typeof value === 'string') return value.includes(secret) ? [path] : [];
  if (value === null || typeof value !== 'object' || seen.has(value)) return [];
  seen.add(value);
  const found: string[] = [];
  if (value instanceof Headers) {
    value.forEach((v, k) => {
      found.push(...findSecret(`${k}: ${v}`, secret, `${path}.headers[${k}]`, seen));
    });
    return found;
  }
  if (value instanceof Request || value instanceof Response) {
    found.push(...findSecret(value.url, secret, `${path}.url`, seen), ...findSecret(value.headers, secret, path, seen));
  }
  if (value instanceof Map) for (const [k, v] of value) found.push(...findSecret(v, secret, `${path}.get(${String(k)})`, seen));
  if (value instanceof AbortSignal) found.push(...findSecret(value.reason, secret, `${path}.reason`, seen));
  for (const key of Reflect.ownKeys(value)) {
    let child: unknown;
    try {
      child = (value as Record<PropertyKey, unknown>)[key];
    } catch {
      continue;
    }
    found.push(...findSecret(child, secret, `${path}.${String(key)}`, seen));
  }
  return found;
}
