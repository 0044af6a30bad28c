// The `idempotency` option: keys honoured (the default) or ignored, as a server without idempotency would.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sandbox, SandboxOptions } from '../src/index';
import { openSandbox, specIdIn } from './helpers';
import { start, waitFor, type Running } from './support/processes';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

let sandbox: Sandbox | undefined;
const processes: Running[] = [];
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
  for (const proc of processes.splice(0)) if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
});

/** Sends the same create twice under one key, then one with the key and another body; answers what came back and the runs the key made. */
async function createsUnderOneKey(options: SandboxOptions) {
  const opened = await openSandbox({ speed: 1000, ...options });
  sandbox = opened.sandbox;
  const spec = await specIdIn(opened.api, 'SUCCEEDED');
  const headers = { 'Idempotency-Key': 'order-42' };
  const body = { spec_id: spec, number_of_samples: 5 };
  const first = await opened.api('POST', '/runs/', { body, headers });
  const again = await opened.api('POST', '/runs/', { body, headers });
  const other = await opened.api('POST', '/runs/', { body: { ...body, number_of_samples: 6 }, headers, allowStatuses: [422] });
  const runs = opened.sandbox.runs('acme').filter((r) => r.idempotencyKey === 'order-42');
  return { first, again, other, runs };
}

describe('idempotency option', () => {
  it('honours Idempotency-Key by default: a repeat replays the first answer, another body is refused, one run', async () => {
    const { first, again, other, runs } = await createsUnderOneKey({});
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(other.status).toBe(422);
    expect(runs.map((r) => r.id)).toEqual([first.body.id]);
  });

  it("with 'ignore', every create makes a run under the key it carried, and nothing is replayed or refused", async () => {
    const { first, again, other, runs } = await createsUnderOneKey({ idempotency: 'ignore' });
    expect([first.status, again.status, other.status]).toEqual([201, 201, 201]);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
    const ids = [first.body.id, again.body.id, other.body.id];
    expect(new Set(ids).size).toBe(3);
    expect(runs.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(runs.map((r) => r.run['runtime_params'])).toContainEqual(expect.objectContaining({ number_of_samples: 6 }));
  });

  it('refuses an unknown mode before listening, naming the value', async () => {
    await expect(openSandbox({ idempotency: 'sometimes' as 'ignore' })).rejects.toThrow(
      /idempotency must be "honour" or "ignore", got "sometimes"/,
    );
  });
});

describe('dataframer-sandbox --idempotency', () => {
  function run(args: string[]): Running {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build the package first (pnpm --filter @df/sandbox build)`);
    const proc = start(process.execPath, [CLI, ...args]);
    processes.push(proc);
    return proc;
  }

  it('ignore: the banner says so, and two creates under one key make two runs', async () => {
    const proc = run(['--port', '0', '--idempotency', 'ignore']);
    const [, url] = await waitFor(proc, /listening on (http:\/\/127\.0\.0\.1:\d+) \(Idempotency-Key ignored\)/);
    const [, key] = await waitFor(proc, /Demo API key: (\S+)/);
    const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json', 'idempotency-key': 'cli-order-1' };
    const specs = (await (await fetch(`${url}/api/dataframer/specs/`, { headers })).json()) as Array<{ id: string; status: string }>;
    const body = JSON.stringify({ spec_id: specs.find((s) => s.status === 'SUCCEEDED')?.id, number_of_samples: 3 });
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const created = await fetch(`${url}/api/dataframer/runs/`, { method: 'POST', headers, body });
      expect(created.status).toBe(201);
      ids.push(((await created.json()) as { id: string }).id);
    }
    expect(new Set(ids).size).toBe(2);
    proc.child.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
  });

  it('honour is the default and says nothing; --help documents the flag; a bad value exits 2', async () => {
    const plain = run(['--port', '0']);
    const [banner] = await waitFor(plain, /listening on .*/);
    expect(banner).not.toContain('Idempotency-Key');
    plain.child.kill('SIGTERM');
    expect(await plain.exited).toBe(0);
    const help = run(['--help']);
    expect(await help.exited).toBe(0);
    expect(help.output()).toContain('--idempotency honour|ignore');
    const bad = run(['--idempotency', 'never']);
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toBe('dataframer-sandbox: --idempotency must be honour or ignore, got "never"\n');
  });
});
