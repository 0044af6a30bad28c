import { isUsableSpecStatus, SPEC_STATUSES } from '@df/browser';
import { describe, expect, it } from 'vitest';
import { specChoice } from '../../src/specChoice';

describe('specChoice', () => {
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

  it('offers a spec exactly when the SDK calls its status usable', () => {
    for (const status of [...SPEC_STATUSES, 'READY', 'ARCHIVED']) {
      expect(specChoice({ id: 's', name: 'A', status }).usable, status).toBe(isUsableSpecStatus(status));
    }
  });
});
