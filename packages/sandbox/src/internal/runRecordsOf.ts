import type { SandboxRunRecord } from '../types';
import { DEFAULT_EVALUATION_SUCCESS_STATUS, DEFAULT_SPEC_READY_STATUS } from './rules';
import type { Store } from './store/Store';
import { runDetailView } from './views/runViews';

/** The run records of every company, or of one company given by id or API key; every field present. */
export function runRecordsOf(ctx: { store: Store }, companyOrKey?: string): SandboxRunRecord[] {
  const { store } = ctx;
  const company = companyOrKey === undefined ? undefined : (store.tenantForKey(companyOrKey)?.id ?? companyOrKey);
  const view = {
    store,
    settings: {
      specReadyStatus: DEFAULT_SPEC_READY_STATUS,
      optionalFields: 'present' as const,
      evaluationSuccessStatus: DEFAULT_EVALUATION_SUCCESS_STATUS,
    },
  };
  return store
    .allRuns()
    .filter((r) => company === undefined || r.companyId === company)
    .map((r) => ({
      id: r.id,
      company: r.companyId,
      idempotencyKey: r.idempotencyKey,
      requestId: r.requestId,
      seeded: r.seeded,
      deleted: r.deletedAt !== null,
      run: runDetailView(view, r),
    }));
}
