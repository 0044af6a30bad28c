import { ZipFile } from 'yazl';
import type { Sandbox } from '../src/index';
import { checkExchange } from './contract';

/** One part of a multipart upload: a text field, or a file with its name and content. */
export type Part = [name: string, value: string | { file: string; content: string | Uint8Array }];

/** A file part. */
export const file = (name: string, content: string | Uint8Array): { file: string; content: string | Uint8Array } => ({
  file: name,
  content,
});

/** `size` bytes of text (a file of exactly that size). */
export const bytesOf = (size: number): Uint8Array => new Uint8Array(size).fill(0x61);

/** A CSV file's text: a header and `rows` data rows. */
export const csv = (rows: number): string =>
  ['id,text,label', ...Array.from({ length: rows }, (_, i) => `${i},"row ${i}, quoted",${i % 2 ? 'yes' : 'no'}`)].join('\n');

/**
 * Posts a multipart form with fetch and FormData, as a client would, and checks the answer against the contract
 * (the request validator reads JSON bodies only, so the multipart request itself is not checked there).
 */
export async function upload(sandbox: Sandbox, path: string, parts: Part[], key: string = sandbox.keys.acme) {
  const form = new FormData();
  for (const [name, value] of parts) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, new Blob([value.content]), value.file);
  }
  const url = `${sandbox.url}/api/dataframer${path}`;
  const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${key}` }, body: form });
  const text = await response.text();
  const body = text ? JSON.parse(text) : null;
  checkExchange({ method: 'POST', url, requestHeaders: {}, status: response.status, responseBody: body }, { invalidRequest: true });
  return { status: response.status, body };
}

/** A ZIP archive of these entries (a name ending in `/` is a folder entry), written by yazl. */
export function zipOf(entries: Array<[path: string, content: string | Uint8Array]>): Promise<Uint8Array> {
  const zip = new ZipFile();
  for (const [path, content] of entries) {
    if (path.endsWith('/')) zip.addEmptyDirectory(path);
    else zip.addBuffer(Buffer.from(content), path);
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
  });
}
