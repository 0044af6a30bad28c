export { startSandbox } from './startSandbox';
export { setupSandbox } from './setupSandbox';
export { parseFaultSpec } from './parseFaultSpec';
export { DEMO_KEYS } from './DEMO_KEYS';
export type { SetupSandboxOptions, SuiteHook, TestSandbox } from './setupSandbox';
export type {
  DatasetPathsMode,
  EvaluationSuccessStatus,
  FaultKind,
  FaultRule,
  IdempotencyMode,
  InstalledFaultRule,
  OptionalFieldsMode,
  Sandbox,
  SandboxControl,
  SandboxFaults,
  SandboxOptions,
  SandboxRequestRecord,
  SandboxRunRecord,
  SandboxSettings,
  SandboxTenant,
  SeedRunOptions,
  SeedRunStatus,
  SpecReadyStatus,
} from './types';
