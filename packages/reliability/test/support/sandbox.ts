import { startSandbox, type FaultKind, type Sandbox, type SandboxOptions } from '@df/sandbox';
import { createClient, type NodeClient, type NodeClientOptions } from '@df/node';

/** Starts a sandbox for one test file: fast lifecycle, fixed seed. */
export function sandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ port: 0, seed: 6, speed: 1000, ...options });
}

/** A client for the sandbox with no environment leaking in (no DATAFRAMER_LOG, no key from the shell). */
export function clientFor(box: Sandbox, options: NodeClientOptions = {}): NodeClient {
  return createClient({ apiKey: box.keys.acme, baseUrl: box.url, env: {}, ...options });
}

/** The id of a spec a run can be made from (the spec list calls a usable spec READY or SUCCEEDED). */
export async function usableSpecId(client: NodeClient): Promise<string> {
  const specs = await client.specs.list();
  const spec = specs.find((s) => s.status === 'READY' || s.status === 'SUCCEEDED');
  if (!spec?.id) throw new Error('the sandbox has no usable spec');
  return spec.id;
}

/** Waits (bounded) until every request the sandbox received has been answered or dropped, so records are final. */
export async function settled(box: Sandbox, limitMs = 10_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (Date.now() < end) {
    if (box.requests().every((r) => r.status !== null || !r.delivered)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`the sandbox still had requests in flight after ${limitMs} ms`);
}

/** Fault counts with only the kinds that fired, as `kind n, kind n`. */
export function describeCounts(counts: Record<FaultKind, number>): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => `${kind} ${n}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

/** Runs `task` over `items` with at most `limit` at a time, in order of items. */
export async function pool<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    for (;;) {
      const index = next++;
      if (index >= items.length) return;
      results[index] = await task(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
