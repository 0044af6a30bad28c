import type { FormPart, MultipartForm, Upload, UploadProgress } from '../types';

// Quotes and line breaks in a name are percent-encoded, as browsers encode them in a form's Content-Disposition
// (https://html.spec.whatwg.org/multipage/form-control-infrastructure.html#multipart-form-data).
const quoted = (text: string) => `"${text.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}"`;

/**
 * A multipart/form-data body as one Blob of header strings and the files' own Blobs: its size (the Content-Length)
 * is known before anything is read, and a file's bytes are read only while its part is being sent, so a file opened
 * lazily is never held in memory whole. The Blob's type is the request's Content-Type, boundary included.
 */
function multipartBody(parts: readonly FormPart[], boundary: string): Blob {
  const pieces: Array<Blob | string> = [];
  for (const part of parts) {
    if ('data' in part) {
      pieces.push(
        `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(part.name)}; filename=${quoted(part.filename)}\r\n` +
          `Content-Type: ${part.data.type || 'application/octet-stream'}\r\n\r\n`,
        part.data,
        '\r\n',
      );
    } else {
      pieces.push(`--${boundary}\r\nContent-Disposition: form-data; name=${quoted(part.name)}\r\n\r\n${part.value}\r\n`);
    }
  }
  pieces.push(`--${boundary}--\r\n`);
  return new Blob(pieces, { type: `multipart/form-data; boundary=${boundary}` });
}

/** Progress is reported about every 1 % of the body, and never more often than every 64 KiB. */
const MIN_STEP = 64 * 1024;

/** A pass-through stream that counts the bytes read from it and reports them. */
function counted(body: Blob, onProgress: (progress: UploadProgress) => void) {
  const totalBytes = body.size;
  const step = Math.max(MIN_STEP, Math.ceil(totalBytes / 100));
  let sentBytes = 0;
  let reported = 0;
  return body.stream().pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        controller.enqueue(chunk);
        sentBytes += chunk.byteLength;
        if (sentBytes - reported >= step && sentBytes < totalBytes) {
          reported = sentBytes;
          onProgress({ sentBytes, totalBytes });
        }
      },
      flush() {
        onProgress({ sentBytes, totalBytes });
      },
    }),
  );
}

/**
 * Opens a form for one call. ky clones each attempt's Request to keep one for a retry, and a clone of a streamed
 * body tees it, the unread branch buffering all the other reads; so each attempt replaces ky's body with one of its
 * own, read afresh from the files, and ky's copies are never read. fetch, too, clones a request it may have to
 * follow a redirect with: an upload follows none (`redirect: 'error'`, and `window: null` on the fetch call), so
 * nothing holds what was sent. Where the runtime streams request bodies, the body goes as a stream with its
 * Content-Length (a chunked upload is not one every server takes), counted as it leaves; elsewhere the Blob itself
 * is sent, and progress is reported at the start and when the answer comes.
 */
function openForm(parts: readonly FormPart[], boundary: string, streams: boolean, onProgress?: (progress: UploadProgress) => void): Upload {
  const body = multipartBody(parts, boundary);
  const totalBytes = body.size;
  return {
    body,
    attempt(request) {
      if (streams) {
        const headers = new Headers(request.headers);
        headers.set('content-length', String(totalBytes));
        // `duplex` is how fetch is told a body is streamed (Node requires it); a variable, since DOM typings lack it.
        const init = {
          body: onProgress ? counted(body, onProgress) : body.stream(),
          headers,
          duplex: 'half' as const,
          redirect: 'error' as const,
        };
        return { request: new Request(request, init), answered: () => {} };
      }
      onProgress?.({ sentBytes: 0, totalBytes });
      return {
        request: new Request(request, { body, redirect: 'error' }),
        answered: () => onProgress?.({ sentBytes: totalBytes, totalBytes }),
      };
    },
  };
}

/** A multipart/form-data body of `parts`, in order, for a builder's request description. */
export function multipartForm(parts: FormPart[]): MultipartForm {
  return { parts, open: (boundary, streams, onProgress) => openForm(parts, boundary, streams, onProgress) };
}
