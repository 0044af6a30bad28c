import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthenticationError, ConfigurationError, ConnectionError, createBrowserTransport, createClient, listRuns } from '../src/index';

const RUN = { id: 'run-1', status: 'PROCESSING', samples_completed: 1, samples_failed: 0 };
// Short and obviously fake: shaped like a secret key only in its prefix.
const FAKE_SECRET = 'sk_live_' + 'FAKE';

interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
  credentials: RequestCredentials;
}

/** A fetch double that records every request and answers with `answer(request)` (default: an empty run list). */
function recordingFetch(answer: (request: Request) => Response = () => Response.json([RUN])) {
  const seen: Seen[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    seen.push({
      url: request.url,
      method: request.method,
      headers: Object.fromEntries(request.headers),
      credentials: request.credentials,
    });
    return answer(request);
  };
  return { fetch, seen };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

function onPage(href = 'https://app.example/dashboard/runs?tab=1') {
  vi.stubGlobal('location', { href, origin: new URL(href).origin });
}

describe('same-origin proxy (no token)', () => {
  it("sends to the page's origin with no Authorization and no extra headers", async () => {
    onPage();
    const { fetch, seen } = recordingFetch();
    const client = createClient({ fetch });
    expect(await client.runs.list()).toEqual([RUN]);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe('https://app.example/api/dataframer/runs/');
    expect(seen[0]!.method).toBe('GET');
    // Only a CORS-safelisted header: no User-Agent, no X- headers, so a simple GET needs no preflight.
    expect(seen[0]!.headers).toEqual({ accept: 'application/json' });
  });

  it('resolves a relative baseUrl against the page', async () => {
    onPage('https://app.example/dashboard/runs');
    const { fetch, seen } = recordingFetch();
    await createClient({ fetch, baseUrl: '/dataframer-proxy' }).runs.list();
    await createClient({ fetch, baseUrl: 'proxy/' }).runs.list();
    await createClient({ fetch, baseUrl: 'https://api.example/root/' }).runs.list();
    expect(seen.map((s) => s.url)).toEqual([
      'https://app.example/dataframer-proxy/api/dataframer/runs/',
      'https://app.example/dashboard/proxy/api/dataframer/runs/',
      'https://api.example/root/api/dataframer/runs/',
    ]);
  });

  it('needs an absolute baseUrl where there is no page location', async () => {
    expect(() => createClient()).toThrow(ConfigurationError);
    expect(() => createClient()).toThrow(/absolute/);
    const { fetch, seen } = recordingFetch();
    await createClient({ fetch, baseUrl: 'https://api.example' }).runs.list();
    expect(seen[0]!.url).toBe('https://api.example/api/dataframer/runs/');
  });

  it('passes credentials through for cookie-authenticated proxies', async () => {
    onPage();
    const { fetch, seen } = recordingFetch();
    await createClient({ fetch, credentials: 'include' }).runs.list();
    expect(seen[0]!.credentials).toBe('include');
  });
});

describe('short-lived tokens from getToken', () => {
  it('asks for a token before every request and sends only what auth needs', async () => {
    onPage();
    const { fetch, seen } = recordingFetch();
    let n = 0;
    const getToken = vi.fn(async () => `tok_short_lived_${++n}`);
    const client = createClient({ fetch, getToken });
    await client.runs.list();
    await client.runs.list();
    await client.runs.list();
    expect(getToken).toHaveBeenCalledTimes(3);
    expect(seen.map((s) => s.headers)).toEqual(
      [1, 2, 3].map((i) => ({ accept: 'application/json', authorization: `Bearer tok_short_lived_${i}` })),
    );
  });

  it('adds only Content-Type and Idempotency-Key to a create', async () => {
    onPage();
    const { fetch, seen } = recordingFetch(() => Response.json({ id: 'run-2' }, { status: 201 }));
    const client = createClient({ fetch, getToken: () => 'tok_short_lived' });
    expect(await client.runs.create({ spec_id: 'spec-1', number_of_samples: 10 }, { idempotencyKey: 'key-1' })).toEqual({ id: 'run-2' });
    expect(seen[0]!.headers).toEqual({
      accept: 'application/json',
      authorization: 'Bearer tok_short_lived',
      'content-type': 'application/json',
      'idempotency-key': 'key-1',
    });
  });

  it('generates an Idempotency-Key even where crypto.randomUUID is missing (plain-http pages)', async () => {
    onPage('http://intranet.example/');
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: (bytes: Uint8Array) => real.getRandomValues(bytes) });
    const { fetch, seen } = recordingFetch(() => Response.json({ id: 'run-2' }, { status: 201 }));
    await createClient({ fetch }).runs.create({ spec_id: 'spec-1', number_of_samples: 10 });
    expect(seen[0]!.headers['idempotency-key']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('sends no Authorization when getToken has none (signed out)', async () => {
    onPage();
    const { fetch, seen } = recordingFetch(() =>
      Response.json({ detail: 'Authentication credentials were not provided.' }, { status: 401 }),
    );
    const error = await createClient({ fetch, getToken: () => undefined })
      .runs.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as AuthenticationError).status).toBe(401);
    expect(seen[0]!.headers).toEqual({ accept: 'application/json' });
  });
});

describe('secret keys', () => {
  it('refuses an apiKey without the opt-in, explaining the risk and the safe alternatives', () => {
    const attempt = () => createClient({ apiKey: FAKE_SECRET, baseUrl: 'https://api.example' });
    expect(attempt).toThrow(ConfigurationError);
    const message = (() => {
      try {
        attempt();
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    })();
    expect(message).toContain("spend your company's money");
    expect(message).toContain('same-origin proxy');
    expect(message).toContain('getToken()');
    expect(message).toContain('dangerouslyAllowSecretKeyInBrowser');
    expect(message).not.toContain(FAKE_SECRET);
  });

  it('refuses any apiKey, whatever it looks like, and the standalone transport too', () => {
    expect(() => createBrowserTransport({ apiKey: 'abc', baseUrl: 'https://api.example' })).toThrow(ConfigurationError);
  });

  it('refuses a secret key returned by getToken before sending anything', async () => {
    onPage();
    const { fetch, seen } = recordingFetch();
    const error = await createClient({ fetch, getToken: () => FAKE_SECRET })
      .runs.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain('getToken()');
    expect(seen).toHaveLength(0);
  });

  it('uses the key when the page opts in explicitly', async () => {
    const { fetch, seen } = recordingFetch();
    const client = createClient({ fetch, baseUrl: 'https://api.example', apiKey: FAKE_SECRET, dangerouslyAllowSecretKeyInBrowser: true });
    await client.runs.list();
    expect(seen[0]!.headers['authorization']).toBe(`Bearer ${FAKE_SECRET}`);
    const viaToken = createClient({
      fetch,
      baseUrl: 'https://api.example',
      getToken: () => FAKE_SECRET,
      dangerouslyAllowSecretKeyInBrowser: true,
    });
    await viaToken.runs.list();
    expect(seen[1]!.headers['authorization']).toBe(`Bearer ${FAKE_SECRET}`);
  });

  it('rejects apiKey together with getToken', () => {
    expect(() =>
      createClient({ baseUrl: 'https://api.example', apiKey: FAKE_SECRET, getToken: () => 't', dangerouslyAllowSecretKeyInBrowser: true }),
    ).toThrow(/either apiKey or getToken/);
  });
});

describe('network failures', () => {
  it('turns "Failed to fetch" into a ConnectionError that names CORS and the usual causes', async () => {
    onPage();
    let calls = 0;
    const fetch = async () => {
      calls++;
      throw new TypeError('Failed to fetch');
    };
    const error = await createClient({ fetch, maxRetries: 1 })
      .runs.list()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    const message = (error as Error).message;
    expect(message).toContain('GET /api/dataframer/runs/');
    expect(message).toContain('Failed to fetch');
    expect(message).toContain('CORS');
    expect(message).toContain('console says which');
    expect(calls).toBe(2);
  });

  it('uses the page fetch when none is given, looked up at call time', async () => {
    onPage();
    const { fetch, seen } = recordingFetch();
    const transport = createBrowserTransport();
    vi.stubGlobal('fetch', fetch);
    expect(await listRuns(transport)).toEqual([RUN]);
    expect(seen[0]!.url).toBe('https://app.example/api/dataframer/runs/');
  });
});
