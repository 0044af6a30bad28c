export { startSandbox } from './startSandbox';
export { parseFaultSpec } from './parseFaultSpec';
export { DEMO_KEYS } from './DEMO_KEYS';
export type {
  FaultKind,
  FaultRule,
  InstalledFaultRule,
  Sandbox,
  SandboxFaults,
  SandboxOptions,
  SandboxRequestRecord,
  SandboxRunRecord,
  SandboxTenant,
} from './types';
