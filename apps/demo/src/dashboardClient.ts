import type { BrowserClient } from '@df/browser';

/** The part of the client the dashboard uses. */
export type DashboardClient = {
  runs: Pick<BrowserClient['runs'], 'list' | 'retrieve' | 'create' | 'cancel' | 'delete' | 'samples' | 'waitForFiles'>;
  specs: Pick<BrowserClient['specs'], 'list'>;
  models: Pick<BrowserClient['models'], 'list'>;
};
