import { describe, expect, it } from 'vitest';
import { startSandbox } from '../src/index';
import { parseCliArgs } from '../src/internal/cli/parseCliArgs';
import { manualClock, openSandbox, specIdIn } from './helpers';

async function statusesOfNewRuns(failureRate: number): Promise<string[]> {
  const clock = manualClock();
  const { sandbox, api } = await openSandbox({ seed: 5, failureRate, now: clock.now });
  try {
    const spec = await specIdIn(api, 'SUCCEEDED');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await api('POST', '/runs/', { body: { spec_id: spec, number_of_samples: 10 } })).body.id);
    sandbox.control.advance(60_000);
    return await Promise.all(ids.map(async (id) => (await api('GET', `/runs/${id}/`)).body.status as string));
  } finally {
    await sandbox.stop();
  }
}

describe('failure rate', () => {
  it('fails every new run at 1 and none at 0', async () => {
    expect(await statusesOfNewRuns(1)).toEqual(Array(5).fill('FAILED'));
    expect(await statusesOfNewRuns(0)).toEqual(Array(5).fill('SUCCEEDED'));
  });

  it('refuses a rate outside 0 to 1 before anything listens', async () => {
    await expect(startSandbox({ port: 0, failureRate: 1.5 })).rejects.toThrow('failureRate must be a number from 0 to 1, got 1.5');
    await expect(startSandbox({ port: 0, failureRate: Number.NaN })).rejects.toThrow('failureRate must be a number from 0 to 1');
  });

  it('is the --failure-rate flag, and no --seed leaves the seed unset so that ids differ between starts', () => {
    const start = (args: string[]) => {
      const request = parseCliArgs(args);
      if (request.kind !== 'start') throw new Error(`not a start: ${request.kind}`);
      return request.options;
    };
    expect(start(['--failure-rate', '0.25']).failureRate).toBe(0.25);
    expect(start([])).not.toHaveProperty('failureRate');
    expect(start([])).not.toHaveProperty('seed');
    expect(start(['--seed', '4']).seed).toBe(4);
    for (const bad of ['-0.1', '1.01', 'often', '']) {
      expect(() => parseCliArgs([`--failure-rate=${bad}`])).toThrow(`--failure-rate must be a number from 0 to 1, got "${bad}"`);
    }
  });
});
