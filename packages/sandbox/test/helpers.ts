import { startSandbox, type Sandbox, type SandboxOptions } from '../src/index';
import { createApi } from './api';

/** A clock the test moves by hand. */
export function manualClock(start = Date.parse('2025-03-01T12:00:00.000Z')) {
  let t = start;
  return {
    now: () => t,
    advance(ms: number) {
      t += ms;
    },
  };
}

/** Starts a sandbox on 127.0.0.1 port 0 with a contract-checked client for the acme demo key. */
export async function openSandbox(options: SandboxOptions = {}) {
  const sandbox: Sandbox = await startSandbox({ port: 0, host: '127.0.0.1', ...options });
  return { sandbox, api: createApi(sandbox.url, sandbox.keys.acme) };
}

/** The id of a spec of the caller's company in the given status. */
export async function specIdIn(
  api: ReturnType<typeof createApi>,
  status: 'SUCCEEDED' | 'PROCESSING' | 'FAILED',
  key?: string,
): Promise<string> {
  const specs = await api('GET', '/specs/', key === undefined ? {} : { key });
  const spec = (specs.body as Array<{ id: string; status: string }>).find((s) => s.status === status);
  if (!spec) throw new Error(`no spec in status ${status}`);
  return spec.id;
}
