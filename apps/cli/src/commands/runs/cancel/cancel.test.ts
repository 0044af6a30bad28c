import { MAX_SAMPLES_PER_RUN } from '@df/core/constants';
import { createClient, type NodeClient, type NodeClientOptions } from '@df/node';
import { describe, expect, it, vi } from 'vitest';
import { runIn } from '../../../../test/support/cli';
import { found, itPrintedNoKey, useSandbox } from '../../../../test/support/sandbox';

vi.setConfig({ testTimeout: 30_000 });

// Runs finish at once and never fail.
const fast = useSandbox({ seed: 7, speed: 1000, failureRate: 0 });
// Runs take seconds (a run of the most samples: over 15 minutes).
const slow = useSandbox({ seed: 7, speed: 4 });

describe('runs cancel', () => {
  it('cancels a run named by a prefix, prints its id, and refuses one that has ended', async () => {
    const created = await runIn(['runs', 'create', '--spec', slow.readySpec, '-n', String(MAX_SAMPLES_PER_RUN)], { env: slow.env });
    const id = created.stdout.trim();
    const canceled = await runIn(['runs', 'cancel', id.slice(0, 8)], { env: slow.env });
    expect(canceled.code, canceled.stderr).toBe(0);
    expect(canceled.stdout).toBe(`${id}\n`);
    expect(
      found(
        slow.sandbox.runs('acme').find((r) => r.id === id),
        `the run ${id}`,
      ).run.status,
    ).toBe('CANCELED');
    const again = await runIn(['runs', 'cancel', id], { env: slow.env });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/400 Bad Request.*can no longer be canceled/);
  });

  it('lists the candidates of an ambiguous prefix, exits 2 and cancels nothing', async () => {
    const real = found(fast.sandbox.runs('acme')[0], 'a run').id;
    const twin = `${real.slice(0, 8)}-0000-4000-8000-000000000000`;
    // The sandbox's ids are random: the list is given a second run with the same first 8 characters.
    const withTwin = async (options: NodeClientOptions): Promise<NodeClient> => {
      const client = createClient(options);
      const list = client.runs.list.bind(client.runs);
      client.runs.list = async (o) => {
        const runs = await list(o);
        return [
          ...runs,
          {
            ...found(
              runs.find((r) => r.id === real),
              `the run ${real}`,
            ),
            id: twin,
          },
        ];
      };
      return client;
    };
    const result = await runIn(['runs', 'cancel', real.slice(0, 8)], { env: fast.env, createClient: withTwin });
    expect(result.code).toBe(2);
    const needed = Number(
      found(
        new RegExp(`the id prefix ${real.slice(0, 8)} matches 2 runs; give at least (\\d+) characters:`).exec(result.stderr),
        'the count',
      )[1],
    );
    // The count is the fewest characters that tell the two ids apart.
    expect(real.slice(0, needed)).not.toBe(twin.slice(0, needed));
    expect(real.slice(0, needed - 1)).toBe(twin.slice(0, needed - 1));
    expect(result.stderr).toContain(`  ${real}  `);
    expect(result.stderr).toContain(`  ${twin}  `);
    expect(fast.sandbox.requests().some((r) => r.method === 'POST' && r.path.includes(real.slice(0, 8)))).toBe(false);
  });
});

itPrintedNoKey(fast, slow);
