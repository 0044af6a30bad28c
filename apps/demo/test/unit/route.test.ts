import { describe, expect, it } from 'vitest';
import { LIST_HREF, parseRoute, readFilters, runHref, withFilters } from '../../src/route';

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
