import { describe, expect, it, vi } from 'vitest';
import { createDataframerClient, createTransport, type Runtime } from '../src/index';
import { findSecret, json, settle, useFakeClock } from './helpers';

// An opaque key (not shaped like sk_…), so only the client's own knowledge of it could mask it.
const OPAQUE_KEY = 'opaque-FAKE-token-7f3a9c1e5b';

useFakeClock();

describe('nothing a hook of yours receives holds the key', () => {
  it('on every attempt of a read and of a create, in the request, options, context, state and response', async () => {
    const leaks: string[] = [];
    let looked = 0;
    const look = (...received: unknown[]) => {
      looked++;
      received.forEach((value, i) => {
        leaks.push(...findSecret(value, OPAQUE_KEY, `argument ${i}`));
      });
    };
    const sent: string[] = [];
    const answers = [() => json(503, {}), () => json(200, []), () => json(429, {}, { 'retry-after': '1' }), () => json(201, { id: 'r1' })];
    const runtime: Runtime = {
      fetch: async (request) => {
        sent.push(request.headers.get('authorization') ?? '');
        return answers[sent.length - 1]!();
      },
      setTimeout: (cb, ms) => setTimeout(cb, ms),
      clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
      now: () => Date.now(),
      random: () => 0.5,
      randomUUID: () => '00000000-0000-4000-8000-000000000001',
    };
    const client = createDataframerClient(
      createTransport({
        baseUrl: 'https://api.example.test',
        runtime,
        getToken: () => OPAQUE_KEY,
        hooks: { beforeRequest: [(request, options, state) => look(request, options, state)], afterResponse: [look] },
      }),
    );
    const done = settle(client.runs.list().then(() => client.runs.create({ spec_id: 's', number_of_samples: 1 })));
    await vi.advanceTimersByTimeAsync(5000);
    expect(await done).toEqual({ ok: true, value: { id: 'r1' } });
    // The key was sent on every attempt, and every attempt passed through both hooks.
    expect(sent).toEqual(Array(answers.length).fill(`Bearer ${OPAQUE_KEY}`));
    expect(looked).toBe(2 * answers.length);
    expect(leaks).toEqual([]);
  });
});
