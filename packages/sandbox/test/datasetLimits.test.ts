// Every limit of the docs' table (SEED_DATASET_LIMITS, held to the contract's x-limits by rules.test.ts) is refused
// by the server: real multipart requests, built with FormData and sent with fetch.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index';
import { DATASET_TYPES, type DatasetType, SEED_DATASET_LIMITS, UPLOAD_MARGIN_BYTES } from '../src/internal/rules';
import { openSandbox } from './helpers';
import { bytesOf, csv, file, type Part, upload } from './uploads';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = (await openSandbox({ seed: 31 })).sandbox;
});
afterAll(() => sandbox.stop());

let named = 0;

/** One file of a dataset: its name, content and, in a MULTI_FOLDER dataset, its folder. */
type Entry = { name: string; content: string | Uint8Array; folder?: string };

/** Creates a dataset of `type` from these files, a new name each time. */
function create(type: DatasetType, entries: Entry[]) {
  const parts: Part[] = [
    ['name', `limits ${++named}`],
    ['dataset_type', type],
    ...entries.map((e): Part => ['files', file(e.name, e.content)]),
    ...entries.flatMap((e): Part[] => (e.folder === undefined ? [] : [['folder_names', e.folder]])),
  ];
  return upload(sandbox, '/seed-datasets/create/', parts);
}

/** `count` files named `doc-<i>.txt` of `size` bytes (the last one `lastSize`), in a MULTI_FOLDER dataset dealt over as few folders as its limits allow. */
function documents(type: DatasetType, count: number, size: number, lastSize = size): Entry[] {
  const { maxFilesPerFolder = count, minFolders = 1 } = SEED_DATASET_LIMITS[type];
  const folders = Math.max(minFolders, Math.ceil(count / maxFilesPerFolder));
  return Array.from({ length: count }, (_, i) => ({
    name: `doc-${i}.txt`,
    content: bytesOf(i === count - 1 ? lastSize : size),
    ...(type === 'MULTI_FOLDER' && { folder: `folder-${i % folders}` }),
  }));
}

/** How long a test sending about the largest total may take on a busy machine (FormData, HTTP and multipart parsing of 50 MB). */
const LARGE_UPLOAD_MS = 90_000;

/** The smallest dataset each type takes. */
function smallest(type: DatasetType): Entry[] {
  const limits = SEED_DATASET_LIMITS[type];
  if (type === 'SINGLE_FILE') return [{ name: 'seed.csv', content: csv(limits.minRows as number) }];
  if (limits.minFolders === undefined) return documents(type, limits.minFiles, 10);
  return Array.from({ length: Math.max(limits.minFiles, limits.minFolders) }, (_, i) => ({
    name: 'doc.txt',
    content: 'text',
    folder: `folder-${i}`,
  }));
}

const MULTI_TYPES = DATASET_TYPES.filter((type) => type !== 'SINGLE_FILE');

describe('the documented limits', () => {
  it.each(DATASET_TYPES)('takes the smallest %s dataset (the limits below are not refused for a valid one)', async (type) => {
    const { status, body } = await create(type, smallest(type));
    expect(status).toBe(201);
    expect(body).toMatchObject({ dataset_type: type, file_count: smallest(type).length });
  });

  it('refuses a dataset without files', async () => {
    const { status, body } = await create('MULTI_FILE', []);
    expect(status).toBe(400);
    expect(body.files).toEqual(['No file was submitted: a dataset cannot be empty.']);
  });

  it.each(DATASET_TYPES)('refuses an empty (0-byte) file in a %s dataset, naming it', async (type) => {
    const entries = smallest(type);
    entries[0] = { ...(entries[0] as Entry), content: '' };
    const { status, body } = await create(type, entries);
    expect(status).toBe(400);
    expect(body.files).toContain(`"${entries[0]?.folder ? `${entries[0].folder}/` : ''}${entries[0]?.name}" is empty (0 bytes).`);
  });

  it.each(DATASET_TYPES)('refuses a format a %s dataset does not take, naming the file', async (type) => {
    const entries = smallest(type);
    const format = 'docx';
    expect(SEED_DATASET_LIMITS[type].formats).not.toContain(format);
    entries[0] = { ...(entries[0] as Entry), name: `notes.${format}` };
    const { status, body } = await create(type, entries);
    expect(status).toBe(400);
    expect(body.files.join(' ')).toMatch(new RegExp(`"(folder-0/)?notes\\.${format}" is a \\.${format} file`));
  });

  it.each(MULTI_TYPES)('takes every listed format in a %s dataset', async (type) => {
    const { formats, maxFilesPerFolder } = SEED_DATASET_LIMITS[type];
    const entries = formats.map((format, i) => ({
      name: `doc.${format}`,
      content: format === 'json' ? '{"a": 1}' : 'text',
      ...(type === 'MULTI_FOLDER' && { folder: `folder-${i % Math.min(formats.length, maxFilesPerFolder ?? 1)}` }),
    }));
    const { status } = await create(type, entries);
    expect(status).toBe(201);
  });

  it.each(MULTI_TYPES)('takes a %s file of exactly the largest size, and refuses one byte more, naming the file', async (type) => {
    const { maxFileBytes, minFiles } = SEED_DATASET_LIMITS[type];
    expect((await create(type, documents(type, minFiles, 10, maxFileBytes))).status).toBe(201);
    const { status, body } = await create(type, documents(type, minFiles, 10, maxFileBytes + 1));
    expect(status).toBe(400);
    expect(body.files.join(' ')).toContain(`doc-${minFiles - 1}.txt" is ${maxFileBytes + 1} bytes`);
  });

  it(
    'refuses a SINGLE_FILE file over its size, naming the file',
    async () => {
      const { maxFileBytes } = SEED_DATASET_LIMITS.SINGLE_FILE;
      const rows = csv(SEED_DATASET_LIMITS.SINGLE_FILE.minRows as number);
      const padded = `${rows}\n${'x'.repeat(maxFileBytes + 1 - rows.length - 1)}`;
      const { status, body } = await create('SINGLE_FILE', [{ name: 'big.csv', content: padded }]);
      expect(status).toBe(400);
      expect(body.files.join(' ')).toContain(`"big.csv" is ${maxFileBytes + 1} bytes`);
    },
    LARGE_UPLOAD_MS,
  );

  it.each(DATASET_TYPES.filter((type) => SEED_DATASET_LIMITS[type].maxTotalBytes > SEED_DATASET_LIMITS[type].maxFileBytes))(
    'refuses %s files that total one byte over the largest total',
    async (type) => {
      const { maxFileBytes, maxTotalBytes } = SEED_DATASET_LIMITS[type];
      const full = Math.floor(maxTotalBytes / maxFileBytes);
      const { status, body } = await create(type, documents(type, full + 1, maxFileBytes, maxTotalBytes - full * maxFileBytes + 1));
      expect(status).toBe(400);
      expect(body.files).toEqual([expect.stringContaining(`The files total ${maxTotalBytes + 1} bytes`)]);
    },
    LARGE_UPLOAD_MS,
  );

  it.each(DATASET_TYPES)('refuses fewer %s files than the fewest it takes', async (type) => {
    const { minFiles } = SEED_DATASET_LIMITS[type];
    const { status, body } = await create(type, smallest(type).slice(0, minFiles - 1));
    expect(status).toBe(400);
    expect(body.files.join(' ')).toMatch(minFiles - 1 === 0 ? /cannot be empty/ : new RegExp(`got ${minFiles - 1}\\.`));
  });

  it.each(DATASET_TYPES)(
    'refuses more %s files than the most it takes',
    async (type) => {
      const { maxFiles } = SEED_DATASET_LIMITS[type];
      const entries =
        type === 'SINGLE_FILE' ? [...smallest(type), { name: 'more.csv', content: csv(2) }] : documents(type, maxFiles + 1, 4);
      const { status, body } = await create(type, entries);
      expect(status).toBe(400);
      expect(body.files.join(' ')).toContain(`got ${maxFiles + 1}.`);
    },
    30_000,
  );

  it.each(['csv', 'jsonl', 'json'])(
    'refuses a SINGLE_FILE .%s file with one row fewer than the fewest, and takes the fewest',
    async (format) => {
      const minRows = SEED_DATASET_LIMITS.SINGLE_FILE.minRows as number;
      const rows = (n: number): string => {
        const items = Array.from({ length: n }, (_, i) => ({ id: i, text: `row ${i}` }));
        if (format === 'csv') return csv(n);
        return format === 'json' ? JSON.stringify(items) : items.map((item) => JSON.stringify(item)).join('\n');
      };
      const short = await create('SINGLE_FILE', [{ name: `seed.${format}`, content: rows(minRows - 1) }]);
      expect(short.status).toBe(400);
      expect(short.body.files).toEqual([
        `"seed.${format}" holds ${minRows - 1} row${minRows - 1 === 1 ? '' : 's'}; a SINGLE_FILE dataset needs at least ${minRows}.`,
      ]);
      expect((await create('SINGLE_FILE', [{ name: `seed.${format}`, content: rows(minRows) }])).status).toBe(201);
    },
  );

  it('refuses a MULTI_FOLDER folder holding more files than a folder may, naming it', async () => {
    const { maxFilesPerFolder = 0, minFolders = 0 } = SEED_DATASET_LIMITS.MULTI_FOLDER;
    const crowded = Array.from({ length: maxFilesPerFolder + 1 }, (_, i) => ({ name: `doc-${i}.txt`, content: 'x', folder: 'crowded' }));
    const others = Array.from({ length: minFolders - 1 }, (_, i) => ({ name: 'doc.txt', content: 'x', folder: `other-${i}` }));
    const { status, body } = await create('MULTI_FOLDER', [...crowded, ...others]);
    expect(status).toBe(400);
    expect(body.folder_names).toEqual([
      `Folder "crowded" holds ${maxFilesPerFolder + 1} files; a folder holds at most ${maxFilesPerFolder}.`,
    ]);
  });

  it('refuses a MULTI_FOLDER dataset with fewer folders than the fewest', async () => {
    const { minFolders = 0, minFiles } = SEED_DATASET_LIMITS.MULTI_FOLDER;
    const folders = Array.from({ length: minFolders - 1 }, (_, i) => `folder-${i}`);
    const entries = Array.from({ length: minFiles }, (_, i) => ({
      name: `doc-${i}.txt`,
      content: 'x',
      folder: folders[i % folders.length] as string,
    }));
    const { status, body } = await create('MULTI_FOLDER', entries);
    expect(status).toBe(400);
    expect(body.folder_names.join(' ')).toContain(`needs at least ${minFolders} folders; got ${minFolders - 1}`);
  });

  it('refuses a body over the largest total and its margin from its Content-Length, before the body arrives', async () => {
    const largest = Math.max(...Object.values(SEED_DATASET_LIMITS).map((l) => l.maxTotalBytes));
    const declared = largest + UPLOAD_MARGIN_BYTES + 1;
    const url = new URL(`${sandbox.url}/api/dataframer/seed-datasets/create/`);
    // Only the first bytes are ever sent: the answer must come without the rest of the body.
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(url, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${sandbox.keys.acme}`,
          'content-type': 'multipart/form-data; boundary=x',
          'content-length': String(declared),
        },
      });
      req.on('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body });
          req.destroy();
        });
      });
      req.on('error', reject);
      req.write('--x\r\n');
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ files: [expect.stringContaining(`The request body is ${declared} bytes`)] });
  });
});
