import { untilAborted } from '../deadline';

/** How much of an error answer is read for its message; the status alone says what happened. */
const ERROR_TEXT_BYTES = 64 * 1024;

/** The answer was larger than the client reads. */
export class BodyTooLarge extends Error {
  override readonly name = 'BodyTooLarge';
  constructor(readonly limit: number) {
    super(`larger than ${limit} bytes`);
  }
}

/**
 * Reads a body as text, at most `limit` bytes of it, ending at `signal`. A Content-Length over the limit is refused
 * before a byte is read; without one (or compressed, where it counts the wire bytes) the bytes are counted as they
 * come. With `truncate`, the text is cut at the limit instead of refused.
 */
export async function readBoundedText(response: Response, limit: number, signal: AbortSignal, truncate = false): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  const plain = response.headers.get('content-encoding') === null;
  if (plain && declared > limit && !truncate) {
    await response.body?.cancel().catch(() => undefined);
    throw new BodyTooLarge(limit);
  }
  // A declared, uncompressed length within the limit: the runtime's own text() reads it in one piece.
  if ((plain && declared <= limit) || !response.body) return untilAborted(response.text(), signal);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = '';
  try {
    for (;;) {
      const chunk = await untilAborted(reader.read(), signal);
      if (chunk.done) return text + decoder.decode();
      received += chunk.value.byteLength;
      if (received > limit) {
        if (!truncate) throw new BodyTooLarge(limit);
        return text + decoder.decode(chunk.value.subarray(0, chunk.value.byteLength - (received - limit)));
      }
      text += decoder.decode(chunk.value, { stream: true });
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

/** The start of an error answer's body for its message; empty when it broke off or the deadline passed while it came. */
export async function readErrorText(response: Response, signal: AbortSignal): Promise<string> {
  try {
    return await readBoundedText(response, ERROR_TEXT_BYTES, signal, true);
  } catch {
    return '';
  }
}
