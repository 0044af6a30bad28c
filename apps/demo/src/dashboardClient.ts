import {
  cancelRun,
  createRun,
  deleteRun,
  listModels,
  listRunSamples,
  listRuns,
  listSpecs,
  retrieveRun,
  waitForRunFiles,
  type BrowserClient,
  type Transport,
} from '@df/browser';

/** The part of the client the dashboard uses. */
export type DashboardClient = {
  runs: Pick<BrowserClient['runs'], 'list' | 'retrieve' | 'create' | 'cancel' | 'delete' | 'samples' | 'waitForFiles'>;
  specs: Pick<BrowserClient['specs'], 'list'>;
  models: Pick<BrowserClient['models'], 'list'>;
};

/**
 * The dashboard's client, made of the operations it calls and nothing else, so the page that lists runs ships no code
 * for the others (evaluations are loaded with a run's page: `lazyEvaluations.ts`).
 */
export function createDashboardClient(transport: Transport): DashboardClient {
  return {
    runs: {
      list: (options) => listRuns(transport, options),
      retrieve: (runId, options) => retrieveRun(transport, runId, options),
      create: (params, options) => createRun(transport, params, options),
      cancel: (runId, options) => cancelRun(transport, runId, options),
      delete: (runId, options) => deleteRun(transport, runId, options),
      samples: (runId, page, options) => listRunSamples(transport, { ...page, runId }, options),
      waitForFiles: (runId, options) => waitForRunFiles(transport, runId, options),
    },
    specs: { list: (options) => listSpecs(transport, options) },
    models: { list: (options) => listModels(transport, options) },
  };
}
