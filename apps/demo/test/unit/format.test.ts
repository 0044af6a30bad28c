import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatCost,
  formatCount,
  formatDuration,
  formatExact,
  formatRelative,
  parseWhole,
  statusLook,
} from '../../src/format';
import { readModels, defaultModel } from '../../src/models';
import { LIST_HREF, parseRoute, readFilters, runHref, withFilters } from '../../src/route';
import { specChoice } from '../../src/specs';

describe('format', () => {
  it('shows an em dash for anything that is not a usable value', () => {
    for (const value of [null, undefined, 'x', Number.NaN, Infinity]) {
      expect(formatCount(value)).toBe('—');
      expect(formatCost(value)).toBe('—');
      expect(formatBytes(value)).toBe('—');
      expect(formatDuration(value)).toBe('—');
    }
    expect(formatRelative(null, 0)).toBe('—');
    expect(formatRelative('not a date', 0)).toBe('—');
    expect(formatExact(undefined)).toBe('—');
  });

  it('formats counts, dollars, sizes and durations', () => {
    expect(formatCount(20000)).toBe('20,000');
    expect(formatCost(0.4)).toBe('$0.40');
    expect(formatBytes(233)).toBe('233 B');
    expect(formatBytes(8000)).toBe('8 kB');
    expect(formatBytes(2_500_000)).toBe('2.5 MB');
    expect(formatDuration(150_000)).toBe('2 min 30 s');
    expect(formatDuration(3 * 3600_000 + 20 * 60_000)).toBe('3 h 20 min');
    expect(formatRelative('2026-01-01T10:00:00Z', Date.parse('2026-01-01T10:05:00Z'))).toBe('5 minutes ago');
  });

  it('names known statuses and shows unknown ones as sent, in the neutral tone', () => {
    expect(statusLook('SUCCEEDED')).toMatchObject({ word: 'Succeeded', tone: 'succeeded' });
    expect(statusLook('RUNNING')).toMatchObject({ word: 'RUNNING', tone: 'unknown' });
    expect(statusLook('')).toMatchObject({ word: 'Unknown', tone: 'unknown' });
  });

  it('checks whole numbers in a range', () => {
    expect(parseWhole(' 42 ', 1, 100)).toEqual({ ok: true, value: 42 });
    expect(parseWhole('4.5', 1, 100)).toEqual({ ok: false, message: 'Enter a whole number from 1 to 100.' });
    expect(parseWhole('-1', 0, Number.MAX_SAFE_INTEGER)).toEqual({ ok: false, message: 'Enter a whole number 0 or more.' });
  });
});

describe('route', () => {
  it('reads #/runs/<id> as a run page and anything else as the list', () => {
    expect(parseRoute('#/runs/abc-123')).toEqual({ name: 'detail', runId: 'abc-123' });
    expect(parseRoute('#/runs/abc-123/')).toEqual({ name: 'detail', runId: 'abc-123' });
    expect(parseRoute(runHref('a b'))).toEqual({ name: 'detail', runId: 'a b' });
    for (const hash of ['', '#', LIST_HREF, '#/runs/', '#app', '#/runs/%E0%A4%A']) expect(parseRoute(hash)).toEqual({ name: 'list' });
  });

  it('keeps filters in the query and the hash as it is', () => {
    expect(readFilters('?status=FAILED')).toEqual({ status: 'FAILED', spec: '' });
    expect(withFilters('http://x.test/?status=FAILED#/runs/1', { status: '', spec: 's1' })).toBe('http://x.test/?spec=s1#/runs/1');
  });
});

describe('models and specs', () => {
  it('reads the open models shape: arrays of names or objects, under models/data or bare', () => {
    expect(readModels(['a/x', 'a/x', 'databricks/y']).map((m) => [m.id, m.needsDatabricks])).toEqual([
      ['a/x', false],
      ['databricks/y', true],
    ]);
    expect(readModels({ data: [{ name: 'p/m-thinking' }] })[0]).toMatchObject({ id: 'p/m-thinking', provider: 'p', thinking: true });
    expect(readModels({ models: [{ id: null }, 7, { model: 'q/z', default: true }] }).map((m) => m.id)).toEqual(['q/z']);
    expect(readModels(null)).toEqual([]);
    expect(defaultModel(readModels({ models: [{ id: 'q/z', default: true }] }))).toBe('q/z');
    expect(defaultModel([])).toBe('anthropic/claude-sonnet-4-6');
  });

  it('judges specs: SUCCEEDED and READY are usable, the others say why', () => {
    expect(specChoice({ id: 's', name: 'A', status: 'READY' })).toMatchObject({ usable: true, reason: undefined });
    expect(specChoice({ id: 's', name: 'A', status: 'PROCESSING' })).toMatchObject({ usable: false, reason: 'still being built' });
    expect(specChoice({ id: 's', name: 'A', status: 'ARCHIVED' })).toMatchObject({ usable: false, reason: 'status ARCHIVED' });
    expect(specChoice({ id: 's', name: null, status: null } as never)).toMatchObject({
      name: 'Spec s',
      usable: true,
      reason: 'status not reported',
    });
    expect(specChoice({ name: 'No id', status: 'SUCCEEDED' } as never)).toMatchObject({ usable: false });
  });
});
