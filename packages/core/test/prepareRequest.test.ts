import { describe, expect, it } from 'vitest';
import { prepareRequest } from '../src/internal/prepareRequest';

describe('prepareRequest', () => {
  it('strips every leading slash, since ky refuses an input starting with one under prefixUrl', () => {
    expect(prepareRequest({ method: 'GET', path: '//api/dataframer/runs/', retry: 'safe' }).input).toBe('api/dataframer/runs/');
  });

  it('keeps a path that has no leading slash whole', () => {
    expect(prepareRequest({ method: 'GET', path: 'api/dataframer/runs/', retry: 'safe' }).input).toBe('api/dataframer/runs/');
  });
});
