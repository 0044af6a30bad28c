import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildCreateDatasetFromZipRequest,
  buildCreateDatasetRequest,
  buildDeleteDatasetRequest,
  buildListDatasetsRequest,
  buildRetrieveDatasetRequest,
  createDataframerClient,
  DATASET_LIMITS,
  OutcomeUnknownError,
  RequestValidationError,
  type UploadProgress,
} from '../src/index';
import { answer, formOf, loopbackTransport, startLoopback } from './loopback';

/** A file of `bytes` bytes that is never read: the checks refuse it before a byte is sent. */
function sized(name: string, bytes: number) {
  return { name, data: Object.defineProperty(new Blob([]), 'size', { value: bytes }) };
}
const file = (name: string, text = 'a,b\n1,2\n') => new File([text], name);
const many = (count: number, name = (i: number) => `f${i}.txt`) => Array.from({ length: count }, (_, i) => file(name(i)));

const { SINGLE_FILE, MULTI_FILE, MULTI_FOLDER } = DATASET_LIMITS;
const DATASET = { id: 'd-1', name: 'tickets', dataset_type: 'MULTI_FOLDER', file_count: 2, files: [] };

let server: Awaited<ReturnType<typeof startLoopback>>;
beforeEach(async () => {
  server = await startLoopback((_request, res) => answer(res, 201, DATASET));
});
afterEach(() => server.close());

describe('datasets builders', () => {
  it('build the read and delete requests', () => {
    expect(buildRetrieveDatasetRequest('d/1')).toEqual({ method: 'GET', path: '/api/dataframer/seed-datasets/d%2F1/', retry: 'safe' });
    expect(buildListDatasetsRequest()).toEqual({ method: 'GET', path: '/api/dataframer/datasets/', retry: 'safe' });
    expect(buildDeleteDatasetRequest('d-1')).toEqual({ method: 'DELETE', path: '/api/dataframer/datasets/d-1/', retry: 'safe' });
  });

  it('puts each file and each folder name in its own part, after the fields', () => {
    const a = file('a.txt');
    const b = { name: 'b.md', data: new Blob(['# b']) };
    const request = buildCreateDatasetRequest({
      name: 'tickets',
      dataset_type: 'MULTI_FOLDER',
      description: 'two folders',
      files: [a, b],
      folder_names: ['x', 'y'],
    });
    expect({ ...request, form: request.form?.parts }).toEqual({
      method: 'POST',
      path: '/api/dataframer/seed-datasets/create/',
      retry: 'create',
      form: [
        { name: 'name', value: 'tickets' },
        { name: 'dataset_type', value: 'MULTI_FOLDER' },
        { name: 'description', value: 'two folders' },
        { name: 'files', filename: 'a.txt', data: a },
        { name: 'files', filename: 'b.md', data: b.data },
        { name: 'folder_names', value: 'x' },
        { name: 'folder_names', value: 'y' },
      ],
    });
  });

  it('sends a ZIP as the zip_file part', () => {
    const zip = file('seed.zip', 'PK');
    const request = buildCreateDatasetFromZipRequest({ name: 'z', zip_file: zip });
    expect([request.path, request.retry, request.form?.parts]).toEqual([
      '/api/dataframer/seed-datasets/create-from-zip/',
      'create',
      [
        { name: 'name', value: 'z' },
        { name: 'zip_file', filename: 'seed.zip', data: zip },
      ],
    ]);
  });
});

describe('datasets.create sends multipart/form-data', () => {
  it('as a browser form would, with its Content-Length, and answers the dataset', async () => {
    const { transport } = loopbackTransport(server.url);
    const files = [file('a.txt', 'first'), { name: 'b"q.md', data: new Blob(['second']) }];
    const dataset = await createDataframerClient(transport).datasets.create({
      name: 'tickets',
      dataset_type: 'MULTI_FOLDER',
      description: 'ü',
      files,
      folder_names: ['x', 'y'],
    });
    expect(dataset).toEqual(DATASET);
    const [request] = server.received;
    expect(request?.headers['content-length']).toBe(String(request?.body.length));
    const form = await formOf(request!);
    const parts = await Promise.all(
      [...form].map(async ([name, value]) => [name, typeof value === 'string' ? value : [value.name, await value.text()]]),
    );
    expect(parts).toEqual([
      ['name', 'tickets'],
      ['dataset_type', 'MULTI_FOLDER'],
      ['description', 'ü'],
      ['files', ['a.txt', 'first']],
      ['files', ['b"q.md', 'second']],
      ['folder_names', 'x'],
      ['folder_names', 'y'],
    ]);
  });

  it('counts progress as the body leaves where the runtime streams uploads, ending at the whole body', async () => {
    const { transport } = loopbackTransport(server.url, { streamsRequestBodies: true });
    const progress: UploadProgress[] = [];
    // Many parts, so the body is read in many chunks, as a file is.
    const big = new File(
      Array.from({ length: 256 }, () => 'x,y\n'.repeat(1 << 11)),
      'rows.csv',
    );
    await createDataframerClient(transport).datasets.create(
      { name: 'rows', dataset_type: 'SINGLE_FILE', files: [big] },
      { onUploadProgress: (p) => progress.push(p) },
    );
    const total = server.received[0]?.body.length;
    expect(progress.at(-1)).toEqual({ sentBytes: total, totalBytes: total });
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.every((p, i) => p.totalBytes === total && p.sentBytes >= (progress[i - 1]?.sentBytes ?? 0))).toBe(true);
    expect(server.received[0]?.headers['transfer-encoding']).toBeUndefined();
  });

  it('reports the start and the end only, where the runtime sends the Blob whole', async () => {
    const { transport } = loopbackTransport(server.url);
    const progress: UploadProgress[] = [];
    await createDataframerClient(transport).datasets.create(
      { name: 'rows', dataset_type: 'SINGLE_FILE', files: [file('rows.csv')] },
      { onUploadProgress: (p) => progress.push(p) },
    );
    const total = server.received[0]?.body.length;
    expect(progress).toEqual([
      { sentBytes: 0, totalBytes: total },
      { sentBytes: total, totalBytes: total },
    ]);
  });

  it('sends a fresh, whole body on a repeated attempt', async () => {
    await server.close();
    let calls = 0;
    server = await startLoopback((_request, res) =>
      calls++ === 0 ? answer(res, 503, { detail: 'busy' }, { 'retry-after': '0' }) : answer(res, 201, DATASET),
    );
    const { transport } = loopbackTransport(server.url, { streamsRequestBodies: true });
    await createDataframerClient(transport).datasets.create(
      { name: 'rows', dataset_type: 'SINGLE_FILE', files: [file('rows.csv', 'x\n'.repeat(100_000))] },
      { onUploadProgress: () => {} },
    );
    const [first, second] = server.received;
    expect(server.received).toHaveLength(2);
    expect(second?.body.length).toBe(Number(second?.headers['content-length']));
    // The same parts under the same boundary: the second body is the first one again, read afresh.
    expect(second?.body.equals(first?.body as Buffer)).toBe(true);
  });
});

/** The one error a create is refused with, and that the server saw nothing. */
async function refused(params: unknown): Promise<RequestValidationError> {
  const { transport } = loopbackTransport(server.url);
  const error = await createDataframerClient(transport)
    .datasets.create(params as never)
    .catch((e: unknown) => e);
  expect(server.received).toHaveLength(0);
  expect(error).toBeInstanceOf(RequestValidationError);
  return error as RequestValidationError;
}

describe('datasets.create checks every limit of the docs table before a byte is sent', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    [
      'SINGLE_FILE formats',
      { dataset_type: 'SINGLE_FILE', files: [file('notes.txt')] },
      `files[0] notes.txt: .txt is not a format SINGLE_FILE takes (${SINGLE_FILE.formats.join(', ')})`,
    ],
    [
      'MULTI_FILE formats',
      { dataset_type: 'MULTI_FILE', files: [file('a.txt'), file('notes.docx')] },
      `files[1] notes.docx: .docx is not a format MULTI_FILE takes (${MULTI_FILE.formats.join(', ')})`,
    ],
    [
      'MULTI_FOLDER formats',
      { dataset_type: 'MULTI_FOLDER', files: [file('a.txt'), file('b')], folder_names: ['x', 'y'] },
      `files[1] b: has no extension; MULTI_FOLDER takes ${MULTI_FOLDER.formats.join(', ')}`,
    ],
    [
      'SINGLE_FILE size',
      { dataset_type: 'SINGLE_FILE', files: [sized('big.csv', SINGLE_FILE.maxFileBytes + 1)] },
      `files[0] big.csv: ${SINGLE_FILE.maxFileBytes + 1} bytes, over the 50 MiB a SINGLE_FILE file may hold`,
    ],
    [
      'MULTI_FILE size per file',
      { dataset_type: 'MULTI_FILE', files: [file('a.txt'), sized('big.txt', MULTI_FILE.maxFileBytes + 1)] },
      `files[1] big.txt: ${MULTI_FILE.maxFileBytes + 1} bytes, over the 1 MiB a MULTI_FILE file may hold`,
    ],
    [
      'MULTI_FOLDER size per file',
      {
        dataset_type: 'MULTI_FOLDER',
        files: [file('a.txt'), sized('big.txt', MULTI_FOLDER.maxFileBytes + 1)],
        folder_names: ['x', 'y'],
      },
      `files[1] big.txt: ${MULTI_FOLDER.maxFileBytes + 1} bytes, over the 1 MiB a MULTI_FOLDER file may hold`,
    ],
    [
      'MULTI_FILE total size',
      {
        dataset_type: 'MULTI_FILE',
        files: Array.from({ length: MULTI_FILE.maxTotalBytes / MULTI_FILE.maxFileBytes + 1 }, (_, i) =>
          sized(`f${i}.txt`, MULTI_FILE.maxFileBytes),
        ),
      },
      `files: ${MULTI_FILE.maxTotalBytes + MULTI_FILE.maxFileBytes} bytes in all, over the 50 MiB MULTI_FILE takes`,
    ],
    [
      'SINGLE_FILE count',
      { dataset_type: 'SINGLE_FILE', files: [file('a.csv'), file('b.csv')] },
      'files: SINGLE_FILE takes exactly 1 file, got 2',
    ],
    [
      'MULTI_FILE fewest files',
      { dataset_type: 'MULTI_FILE', files: many(MULTI_FILE.minFiles - 1) },
      `files: MULTI_FILE takes ${MULTI_FILE.minFiles} to ${MULTI_FILE.maxFiles} files, got ${MULTI_FILE.minFiles - 1}`,
    ],
    [
      'MULTI_FILE most files',
      { dataset_type: 'MULTI_FILE', files: many(MULTI_FILE.maxFiles + 1) },
      `files: MULTI_FILE takes ${MULTI_FILE.minFiles} to ${MULTI_FILE.maxFiles} files, got ${MULTI_FILE.maxFiles + 1}`,
    ],
    [
      'MULTI_FOLDER most files',
      {
        dataset_type: 'MULTI_FOLDER',
        files: many(MULTI_FOLDER.maxFiles + 1),
        folder_names: Array.from({ length: MULTI_FOLDER.maxFiles + 1 }, (_, i) => `d${i}`),
      },
      `files: MULTI_FOLDER takes ${MULTI_FOLDER.minFiles} to ${MULTI_FOLDER.maxFiles} files, got ${MULTI_FOLDER.maxFiles + 1}`,
    ],
    [
      'MULTI_FOLDER files per folder',
      {
        dataset_type: 'MULTI_FOLDER',
        files: many((MULTI_FOLDER.maxFilesPerFolder ?? 0) + 2),
        folder_names: [...Array.from({ length: (MULTI_FOLDER.maxFilesPerFolder ?? 0) + 1 }, () => 'crowded'), 'other'],
      },
      `folder_names: folder "crowded" has ${(MULTI_FOLDER.maxFilesPerFolder ?? 0) + 1} files; MULTI_FOLDER takes at most ${MULTI_FOLDER.maxFilesPerFolder} per folder`,
    ],
    [
      'MULTI_FOLDER distinct folders',
      { dataset_type: 'MULTI_FOLDER', files: many(2), folder_names: ['same', 'same'] },
      `folder_names: 1 distinct folder; MULTI_FOLDER takes at least ${MULTI_FOLDER.minFolders}`,
    ],
    [
      'folder_names only for MULTI_FOLDER',
      { dataset_type: 'MULTI_FILE', files: many(2), folder_names: ['x', 'y'] },
      'folder_names: only MULTI_FOLDER datasets take folder names (this one is MULTI_FILE)',
    ],
    [
      'folder_names as long as files',
      { dataset_type: 'MULTI_FOLDER', files: many(3), folder_names: ['x', 'y'] },
      'folder_names: 2 names for 3 files; give one folder per file',
    ],
    [
      'folder_names required for MULTI_FOLDER',
      { dataset_type: 'MULTI_FOLDER', files: many(2) },
      'folder_names is required for MULTI_FOLDER: the folder of each file, in the order of files',
    ],
  ];

  it.each(cases)('%s', async (_name, params, message) => {
    const error = await refused({ name: 'tickets', ...params });
    expect(error.issues.map((issue) => issue.message)).toEqual([message]);
  });

  it('lists every problem in one error, each naming its file', async () => {
    const error = await refused({
      name: '',
      dataset_type: 'MULTI_FILE',
      files: [file('a.txt'), new Blob(['no name']), sized('big.txt', MULTI_FILE.maxFileBytes + 1), file('notes.docx'), 7],
      folder_names: ['x'],
    });
    expect(error.issues.map((issue) => issue.message)).toEqual([
      'name must not be empty',
      "files[1] is a Blob without a name; give it as { name: 'data.csv', data: blob }",
      `files[2] big.txt: ${MULTI_FILE.maxFileBytes + 1} bytes, over the 1 MiB a MULTI_FILE file may hold`,
      `files[3] notes.docx: .docx is not a format MULTI_FILE takes (${MULTI_FILE.formats.join(', ')})`,
      'files[4] must be a File, a Blob with its name as { name, data: Blob }, or (in Node.js) a file path',
      'folder_names: only MULTI_FOLDER datasets take folder names (this one is MULTI_FILE)',
    ]);
    expect(error.message).toContain('files[3] notes.docx: .docx is not a format MULTI_FILE takes (txt, md, json, csv, jsonl, pdf)');
  });

  it('refuses a path where the runtime opens none, naming it', async () => {
    const error = await refused({ name: 'tickets', dataset_type: 'SINGLE_FILE', files: ['/data/rows.csv'] });
    expect(error.issues.map((issue) => issue.message)).toEqual([
      'files[0] /data/rows.csv: a path can be opened only in Node.js (@df/node); give a File or a Blob',
    ]);
  });
});

describe('a create whose answer is lost', () => {
  /** A server that makes the dataset, drops the create's answer, and lists `listed` afterwards. */
  async function losingServer(listed: (made: Record<string, unknown>) => unknown[]) {
    await server.close();
    server = await startLoopback(async (request, res) => {
      if (request.method === 'POST') return void res.socket?.destroy();
      if (request.url === '/api/dataframer/datasets/')
        return answer(res, 200, listed({ ...DATASET, created_at: new Date().toISOString() }));
      return answer(res, 200, { ...DATASET, files: [{ id: 'f1', path: 'x/a.txt' }] });
    });
  }
  const params = { name: 'tickets', dataset_type: 'MULTI_FOLDER', files: many(2), folder_names: ['x', 'y'] } as const;

  it('returns the dataset found by its name, whole, and says so', async () => {
    await losingServer((made) => [{ ...made, name: 'other', id: 'd-0' }, made]);
    const { transport, lines } = loopbackTransport(server.url);
    const recovered: string[] = [];
    const dataset = await createDataframerClient(transport).datasets.create(
      { ...params, files: [...params.files], folder_names: [...params.folder_names] },
      { onRecovered: (message) => recovered.push(message) },
    );
    expect(dataset).toEqual({ ...DATASET, files: [{ id: 'f1', path: 'x/a.txt' }] });
    expect(server.received.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST /api/dataframer/seed-datasets/create/',
      'GET /api/dataframer/datasets/',
      'GET /api/dataframer/seed-datasets/d-1/',
    ]);
    expect(recovered).toHaveLength(1);
    expect(recovered[0]).toMatch(
      /^datasets\.create: the answer was lost .*the dataset "tickets" \(d-1, created at .*\) was found by its name/,
    );
    expect(lines).toContain(recovered[0]);
  });

  it.each([
    ['none has the name', () => [], 'found none'],
    [
      'it was made before the call',
      (made: Record<string, unknown>) => [{ ...made, created_at: '2020-01-01T00:00:00Z' }],
      'before this call started',
    ],
    ['its file count differs', (made: Record<string, unknown>) => [{ ...made, file_count: 3 }], 'it holds 3 files where this call sent 2'],
  ])('stays unknown when %s', async (_name, listed, says) => {
    await losingServer(listed);
    const { transport } = loopbackTransport(server.url);
    const recovered: string[] = [];
    const error = await createDataframerClient(transport)
      .datasets.create(
        { ...params, files: [...params.files], folder_names: [...params.folder_names] },
        { onRecovered: (m) => recovered.push(m) },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as Error).message).toContain(says);
    expect((error as Error).message).toContain('Check datasets.list() for "tickets" before creating it again');
    expect(server.received.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(recovered).toEqual([]);
  });
});
