import { describe, expect, it, vi } from 'vitest';
import { runIn } from '../../../../test/support/cli';
import { itPrintedNoKey, useSandbox } from '../../../../test/support/sandbox';

vi.setConfig({ testTimeout: 30_000 });

const sandbox = useSandbox({ seed: 7, speed: 1000, failureRate: 0 });

describe('specs get', () => {
  it('shows one spec with its versions, by id or from stdin, and exits 1 for an unknown one', async () => {
    const { env, readySpec } = sandbox;
    const one = await runIn(['specs', 'get', readySpec], { env });
    expect(one.code).toBe(0);
    const fields = Object.fromEntries(
      one.stdout
        .trimEnd()
        .split('\n')
        .map((line) => line.split('\t')),
    );
    expect(fields['id']).toBe(readySpec);
    expect(fields['status']).toBe('SUCCEEDED');
    const json = JSON.parse((await runIn(['specs', 'get', readySpec, '--json', 'name,versions'], { env })).stdout);
    expect(json.versions.length).toBeGreaterThanOrEqual(1);
    expect((await runIn(['specs', 'get', '00000000-0000-4000-8000-000000000000'], { env })).code).toBe(1);
    const fromStdin = await runIn(['specs', 'get', '-', '--json', 'id'], { env, input: readySpec });
    expect(JSON.parse(fromStdin.stdout).id).toBe(readySpec);
  });

  it('--json before an id that is not a field list lists the fields (the word is the id)', async () => {
    const result = await runIn(['specs', 'get', '--json', sandbox.readySpec], { env: sandbox.env });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Available fields');
  });
});

itPrintedNoKey(sandbox);
