import { describe, expect, it } from 'vitest';
import { createDataframerClient, OutcomeUnknownError, ResponseValidationError, ServerError } from '../src/index';
import { scriptedTransport, settle } from './helpers';

const LIMIT = 1000;

/** A JSON object of exactly `bytes` bytes that any check accepts as a create's answer. */
const jsonOf = (bytes: number) => `{"id":"r1","pad":"${'x'.repeat(bytes - 20)}"}`;

/** `text` sent as a stream without a Content-Length (chunked), in chunks of 100 bytes. */
function streamed(text: string, status = 200, pulled = { bytes: 0 }): Response {
  let offset = 0;
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= text.length) return controller.close();
      controller.enqueue(encoder.encode(text.slice(offset, offset + 100)));
      pulled.bytes += Math.min(100, text.length - offset);
      offset += 100;
    },
  });
  return new Response(body, { status, headers: { 'content-type': 'application/json' } });
}

describe('an answer larger than maxResponseBytes fails clearly instead of filling memory', () => {
  it('refused from its Content-Length before it is read', async () => {
    const big = `[${'1,'.repeat(LIMIT)}1]`;
    const { transport } = scriptedTransport([() => new Response(big, { headers: { 'content-length': String(big.length) } })], {
      maxResponseBytes: LIMIT,
    });
    const outcome = await settle(createDataframerClient(transport).request({ method: 'GET', path: 'things/' }));
    const error = (outcome as { error: Error }).error;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.message).toBe(
      `The response to GET /api/dataframer/things/ is larger than the ${LIMIT}-byte limit (the client's maxResponseBytes); it was not read`,
    );
  });

  it('counted as it streams when no length is declared', async () => {
    const { transport } = scriptedTransport([() => streamed(jsonOf(LIMIT + 1))], { maxResponseBytes: LIMIT });
    const outcome = await settle(createDataframerClient(transport).request({ method: 'GET', path: 'things/' }));
    expect((outcome as { error: Error }).error).toBeInstanceOf(ResponseValidationError);
  });

  it('an answer of exactly the limit is read whole', async () => {
    const { transport } = scriptedTransport([() => streamed(jsonOf(LIMIT))], { maxResponseBytes: LIMIT });
    const value = await createDataframerClient(transport).request({ method: 'GET', path: 'things/' });
    expect(JSON.stringify(value)).toBe(jsonOf(LIMIT));
  });

  it('a create whose answer is too large to read may have started a run: the outcome is unknown', async () => {
    const { transport } = scriptedTransport([() => streamed(jsonOf(LIMIT + 1), 201)], { maxResponseBytes: LIMIT });
    const outcome = await settle(createDataframerClient(transport).runs.create({ spec_id: 's', number_of_samples: 1 }));
    expect((outcome as { error: Error }).error).toBeInstanceOf(OutcomeUnknownError);
  });

  it('an error answer is read only as far as its message needs, and still gives its typed error', async () => {
    const size = 1024 * 1024;
    const pulled = { bytes: 0 };
    const { transport } = scriptedTransport([() => streamed(jsonOf(size), 500, pulled)], { maxRetries: 0 });
    const outcome = await settle(createDataframerClient(transport).runs.list());
    expect((outcome as { error: Error }).error).toBeInstanceOf(ServerError);
    // The stream may run a chunk or two ahead of the reader; it is nowhere near the whole body.
    expect(pulled.bytes).toBeLessThan(size / 8);
  });
});
