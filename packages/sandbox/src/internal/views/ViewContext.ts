import type { SandboxSettings } from '../../types';
import type { Store } from '../store/Store';

/** What a view needs: the data, and the settings that shape answers. */
export interface ViewContext {
  store: Store;
  settings: Pick<SandboxSettings, 'specReadyStatus' | 'optionalFields' | 'evaluationSuccessStatus'>;
}

/** Formats epoch milliseconds as an ISO 8601 date-time. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
