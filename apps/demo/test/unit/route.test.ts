import { describe, expect, it } from 'vitest';
import { pageTitle } from '../../src/pageTitle';
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

  it('titles each view: the list, and a run by the short id the page shows for it', () => {
    expect(pageTitle(parseRoute(LIST_HREF))).toBe('Runs · Dataframer');
    expect(pageTitle(parseRoute(runHref('1a2b3c4d-0000-4000-8000-000000000000')))).toBe('Run 1a2b3c4d · Dataframer');
    expect(pageTitle(parseRoute('#/runs/1a2b3c4d'))).toBe('Run 1a2b3c4d · Dataframer');
  });
});
