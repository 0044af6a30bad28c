import { describe, expect, it } from 'vitest';
import { matchesPath } from '../src/internal/faults/createFaultController';
import { parseFaultSpec } from '../src/index';
import { openSandbox } from './helpers';

describe('parseFaultSpec', () => {
  it('parses every option', () => {
    expect(parseFaultSpec('post /runs/ server-error status=503 retry-after=2 p=0.25')).toEqual({
      method: 'POST',
      path: '/runs/',
      kind: 'server-error',
      status: 503,
      retryAfter: 2,
      probability: 0.25,
    });
    expect(parseFaultSpec('* * latency ms=40 nth=1,3')).toEqual({ method: '*', path: '*', kind: 'latency', ms: 40, nth: [1, 3] });
    expect(parseFaultSpec('GET /runs/*/ unknown-status value=RUNNING')).toMatchObject({ kind: 'unknown-status', value: 'RUNNING' });
    expect(parseFaultSpec('GET /runs/ extra-field field=foo')).toMatchObject({ kind: 'extra-field', field: 'foo' });
  });

  it('rejects what it cannot honour', () => {
    expect(() => parseFaultSpec('GET /runs/ latency ms=-1')).toThrow(/ms must be/);
    expect(() => parseFaultSpec('GET /runs/ reset p=2')).toThrow(/between 0 and 1/);
    expect(() => parseFaultSpec('GET /runs/ reset nth=0')).toThrow(/integers >= 1/);
    expect(() => parseFaultSpec('FETCH /runs/ reset')).toThrow(/unknown method/);
    expect(() => parseFaultSpec('GET runs reset')).toThrow(/path/);
  });
});

describe('matchesPath', () => {
  it('matches literal segments and one-segment wildcards', () => {
    expect(matchesPath('/runs/', '/runs/')).toBe(true);
    expect(matchesPath('/runs/', '/runs/abc/')).toBe(false);
    expect(matchesPath('/runs/*/cancel/', '/runs/abc/cancel/')).toBe(true);
    expect(matchesPath('/runs/{run_id}/', '/runs/abc/')).toBe(true);
    expect(matchesPath('/runs/:id/', '/runs/abc/cancel/')).toBe(false);
    expect(matchesPath('/api/dataframer/runs/', '/runs/')).toBe(true);
    expect(matchesPath('*', '/anything/at/all/')).toBe(true);
  });
});

describe('stop', () => {
  it('closes keep-alive connections promptly', async () => {
    const { sandbox, api } = await openSandbox();
    await api('GET', '/health/', { key: null });
    const started = Date.now();
    await sandbox.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(fetch(`${sandbox.url}/api/dataframer/health/`)).rejects.toThrow();
  });

  it('ends a request waiting on injected latency', async () => {
    const { sandbox } = await openSandbox({ faults: ['GET /health/ latency ms=60000'] });
    const pending = fetch(`${sandbox.url}/api/dataframer/health/`).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await sandbox.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    await pending;
  });
});
