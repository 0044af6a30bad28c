// `pnpm test:mutation`: StrykerJS mutates the retry, deadline, key, URL, parameter and schema modules and runs the
// tests that cover each mutant; the score says how many changes to the code the tests notice.
export default {
  testRunner: 'vitest',
  // Stryker looks for plugins beside its own package, where pnpm's store does not put the runner: name it by URL.
  plugins: [import.meta.resolve('@stryker-mutator/vitest-runner')],
  coverageAnalysis: 'perTest',
  // A shared two-core machine.
  concurrency: 2,
  // A static mutant reruns the whole suite; on a busy machine the default 5 s of slack turns some of those runs into false timeouts.
  timeoutMS: 15000,
  mutate: [
    'src/transport/backoff.ts',
    'src/transport/classifyHttpFailure.ts',
    'src/transport/classifyConnectionFailure.ts',
    'src/transport/decideRetry.ts',
    'src/errors/hints.ts',
    'src/systemErrorCode.ts',
    'src/deadline.ts',
    'src/redact.ts',
    'src/keyShape.ts',
    'src/internal/apiKey.ts',
    'src/mayCarryKey.ts',
    'src/internal/baseUrl.ts',
    'src/internal/prepareRequest.ts',
    'src/internal/params.ts',
    'src/schemas/*.ts',
  ],
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false },
  thresholds: { high: 85, low: 70, break: null },
  // Each sandbox copy of the package sits two levels below the repository root, as the package does, so the paths
  // its tests and configs climb to (the shared vitest config, the contract, the scripts) reach the same files.
  tempDirName: '../../.stryker-tmp',
  // Stryker rewrites this file's relative `extends` for a sandbox nested deeper than the package; here the paths
  // hold as they are, so it is pointed at a name no file has and every tsconfig is copied unchanged.
  tsconfigFile: 'tsconfig.unchanged-in-sandbox.json',
};
