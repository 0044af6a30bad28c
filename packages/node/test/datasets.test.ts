import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createClient,
  createDataset,
  createNodeFetch,
  createNodeTransport,
  RequestValidationError,
  type UploadProgress,
} from '../src/index';
import { sendJson, startServer } from './server';

const KEY = 'sk_live_FAKE_datasets_0000';
const DATASET = { id: 'd-1', name: 'tickets', dataset_type: 'MULTI_FILE' };

let dir: string;
let server: Awaited<ReturnType<typeof startServer>>;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'df-datasets-'));
  server = await startServer((_req, res) => sendJson(res, 201, DATASET));
});
afterEach(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const form = (index = 0) =>
  new Response(server.seen[index]?.body, { headers: { 'content-type': String(server.seen[index]?.headers['content-type']) } }).formData();

describe('datasets.create in Node', () => {
  it('opens paths lazily and sends each under its basename', async () => {
    writeFileSync(join(dir, 'a.txt'), 'first file');
    writeFileSync(join(dir, 'b.md'), '# second');
    const client = createClient({ apiKey: KEY, baseUrl: server.url });
    const progress: UploadProgress[] = [];
    const dataset = await client.datasets.create(
      { name: 'tickets', dataset_type: 'MULTI_FILE', files: [join(dir, 'a.txt'), join(dir, 'b.md')] },
      { onUploadProgress: (p) => progress.push(p) },
    );
    await client.close();
    expect(dataset).toEqual(DATASET);
    const files = (await form()).getAll('files') as File[];
    expect(await Promise.all(files.map(async (f) => [f.name, await f.text()]))).toEqual([
      ['a.txt', 'first file'],
      ['b.md', '# second'],
    ]);
    const total = Number(server.seen[0]?.headers['content-length']);
    expect(progress.at(-1)).toEqual({ sentBytes: total, totalBytes: total });
  });

  it('names every path it cannot open in one error, before a byte is sent', async () => {
    writeFileSync(join(dir, 'a.txt'), 'first file');
    mkdirSync(join(dir, 'folder.txt'));
    const client = createClient({ apiKey: KEY, baseUrl: server.url });
    const error = await client.datasets
      .create({
        name: 'tickets',
        dataset_type: 'MULTI_FILE',
        files: [join(dir, 'a.txt'), join(dir, 'missing.txt'), join(dir, 'folder.txt')],
      })
      .catch((e: unknown) => e);
    await client.close();
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues.map((i) => i.message)).toEqual([
      `files[1] ${join(dir, 'missing.txt')}: no file at this path`,
      `files[2] ${join(dir, 'folder.txt')}: a folder, not a file`,
    ]);
    expect(server.seen).toHaveLength(0);
  });

  it('takes a path for the ZIP, and from the standalone functions', async () => {
    writeFileSync(join(dir, 'seed.zip'), 'PK zip bytes');
    writeFileSync(join(dir, 'rows.csv'), 'a,b\n1,2\n3,4\n');
    const transport = createNodeTransport({ apiKey: KEY, baseUrl: server.url });
    const client = createClient({ apiKey: KEY, baseUrl: server.url });
    await client.datasets.createFromZip({ name: 'zipped', zip_file: join(dir, 'seed.zip') });
    await createDataset(transport, { name: 'rows', dataset_type: 'SINGLE_FILE', files: [join(dir, 'rows.csv')] });
    await Promise.all([client.close(), transport.close()]);
    const zip = (await form(0)).get('zip_file') as File;
    const rows = (await form(1)).get('files') as File;
    expect([zip.name, await zip.text(), rows.name, await rows.text()]).toEqual(['seed.zip', 'PK zip bytes', 'rows.csv', 'a,b\n1,2\n3,4\n']);
  });

  it('streams the body through the node:http engine too, with its Content-Length', async () => {
    writeFileSync(join(dir, 'rows.csv'), 'a,b\n'.repeat(100_000));
    const http = createNodeFetch({ engine: 'node:http', env: {} });
    const client = createClient({ apiKey: KEY, baseUrl: server.url, fetch: (request, init) => http.fetch(request, init) });
    await client.datasets.create({ name: 'rows', dataset_type: 'SINGLE_FILE', files: [join(dir, 'rows.csv')] });
    await Promise.all([client.close(), http.close()]);
    const rows = (await form()).get('files') as File;
    expect([server.seen[0]?.headers['content-length'], server.seen[0]?.headers['transfer-encoding'], rows.size]).toEqual([
      String(server.seen[0]?.body.length),
      undefined,
      400_000,
    ]);
  });
});
