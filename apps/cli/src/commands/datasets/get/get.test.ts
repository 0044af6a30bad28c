import { createClient, type NodeClient, type NodeClientOptions } from '@df/node';
import { describe, expect, it, vi } from 'vitest';
import { plain, runIn } from '../../../../test/support/cli';
import { csv, newDataset } from '../../../../test/support/datasets';
import { found, itPrintedNoKey, useSandbox } from '../../../../test/support/sandbox';

vi.setConfig({ testTimeout: 30_000 });

const sandbox = useSandbox({ seed: 7, speed: 1000, failureRate: 0 });

/** The requests for one dataset's detail the sandbox received. */
const detailRequests = () =>
  sandbox.sandbox.requests().filter((r) => r.method === 'GET' && /datasets\/[0-9a-f-]{36}\/$/.test(r.path)).length;

describe('datasets get', () => {
  it('takes the id, a prefix, the name in any case, or - for stdin; key/value lines when piped, files in a table on a terminal', async () => {
    const { env } = sandbox;
    const id = await newDataset(env, 'Detailed tickets', 'For the detail view');
    for (const ref of [id, id.slice(0, 8), id.slice(0, 6).toUpperCase(), 'Detailed tickets', 'detailed TICKETS']) {
      const got = await runIn(['datasets', 'get', ref, '--json', 'id'], { env });
      expect(got.code, `${ref}: ${got.stderr}`).toBe(0);
      expect(JSON.parse(got.stdout).id).toBe(id);
    }
    expect(JSON.parse((await runIn(['datasets', 'get', '-', '--json', 'id'], { env, input: `${id}\n` })).stdout).id).toBe(id);

    const piped = await runIn(['datasets', 'get', id], { env });
    const fields = Object.fromEntries(
      piped.stdout
        .trimEnd()
        .split('\n')
        .map((line) => line.split('\t')),
    );
    expect(fields).toMatchObject({
      id,
      name: 'Detailed tickets',
      type: 'SINGLE_FILE',
      description: 'For the detail view',
      files: 'tickets.csv',
    });

    const tty = await runIn(['datasets', 'get', 'Detailed tickets'], { env: { ...env, DATAFRAMER_FORCE_TTY: '80' } });
    const lines = plain(tty.stdout).trimEnd().split('\n');
    // newDataset uploads a CSV of 3 rows.
    const size = `${Buffer.byteLength(csv(3))} B`;
    expect(lines).toContain(`files        1 file, ${size}`);
    expect(lines.find((line) => line.startsWith('PATH'))).toMatch(/^PATH {2,}TYPE {2,}SIZE$/);
    expect(lines.at(-1)).toMatch(new RegExp(`^tickets\\.csv {2,}csv {2,}${size}$`));
    const json = JSON.parse((await runIn(['datasets', 'get', id, '--json', 'files,file_count'], { env })).stdout);
    expect(json.file_count).toBe(json.files.length);
    expect(json.files[0]).toMatchObject({ path: 'tickets.csv', size_bytes: Buffer.byteLength(csv(3)) });
  });

  it('refuses a prefix too short and an ambiguous name before asking for any dataset, saying how many characters tell them apart', async () => {
    const { env } = sandbox;
    const id = await newDataset(env, 'Twin tickets');
    const twin = `${id.slice(0, 10)}${id[10] === 'a' ? 'b' : 'a'}${id.slice(11)}`;
    // The sandbox's names are unique: the list is given a second dataset of the same name and a close id.
    const withTwin = async (options: NodeClientOptions): Promise<NodeClient> => {
      const client = createClient(options);
      const list = client.datasets.list.bind(client.datasets);
      client.datasets.list = async (o) => {
        const datasets = await list(o);
        return [
          ...datasets,
          {
            ...found(
              datasets.find((d) => d.id === id),
              'the dataset',
            ),
            id: twin,
          },
        ];
      };
      return client;
    };
    const before = detailRequests();
    const short = await runIn(['datasets', 'get', id.slice(0, 4)], { env });
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(
      new RegExp(
        `^error: the id prefix ${id.slice(0, 4)} is too short: give at least \\d+ characters of the dataset id:\\n  ${id}  Twin tickets  SINGLE_FILE  1 file\\n`,
      ),
    );
    const named = await runIn(['datasets', 'get', 'Twin tickets'], { env, createClient: withTwin });
    expect(named.code).toBe(2);
    expect(named.stderr).toBe(
      `error: the dataset "Twin tickets" matches 2 datasets; give the id:\n  ${id}  Twin tickets  SINGLE_FILE  1 file\n  ${twin}  Twin tickets  SINGLE_FILE  1 file\n`,
    );
    const prefix = await runIn(['datasets', 'get', id.slice(0, 8)], { env, createClient: withTwin });
    expect(prefix.code).toBe(2);
    // The ids differ at their 11th character.
    expect(prefix.stderr.split('\n')[0]).toBe(`error: the id prefix ${id.slice(0, 8)} matches 2 datasets; give at least 11 characters:`);
    expect((await runIn(['datasets', 'get', id.slice(0, 11), '--json', 'id'], { env, createClient: withTwin })).code).toBe(0);
    expect(detailRequests()).toBe(before + 1);
  });

  it('exits 1 naming what it looked for when nothing matches', async () => {
    const missing = await runIn(['datasets', 'get', 'No such dataset'], { env: sandbox.env });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      'error: no dataset named "No such dataset" (nor with an id starting with it); see: dataframer datasets list\n',
    );
    const unknown = await runIn(['datasets', 'get', '00000000-0000-4000-8000-000000000000'], { env: sandbox.env });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^error: 404 Not Found/);
  });
});

itPrintedNoKey(sandbox);
