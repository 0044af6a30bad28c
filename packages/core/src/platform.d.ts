// The part of the web platform @df/core relies on: URL, AbortController and the fetch classes, which every
// runtime it supports provides in the same shape (browsers, Node.js, Bun, Deno, workerd). core is compiled
// against these declarations and ES2022 alone, so it cannot reach for `process`, `window`, `document`,
// `Buffer`, timers or `node:` modules; what differs per runtime comes through the injected `Runtime`.
// (Only used to type-check core itself: the published types name the platform's own globals.)

interface URL {
  readonly href: string;
  readonly origin: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly host: string;
  readonly hostname: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
  toString(): string;
}
declare var URL: { prototype: URL; new (url: string | URL, base?: string | URL): URL };

interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}
declare var AbortSignal: { prototype: AbortSignal };

interface AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}
declare var AbortController: { prototype: AbortController; new (): AbortController };

interface Headers {
  get(name: string): string | null;
  set(name: string, value: string): void;
  delete(name: string): void;
  forEach(callback: (value: string, name: string) => void): void;
}
declare var Headers: { prototype: Headers; new (init?: Headers | Record<string, string> | Array<[string, string]>): Headers };

interface Request {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly signal: AbortSignal;
}
declare var Request: {
  prototype: Request;
  new (
    input: string | Request,
    init?: {
      method?: string;
      headers?: Headers | Record<string, string>;
      body?: string | Blob | ReadableStream<Uint8Array> | null;
      signal?: AbortSignal;
      duplex?: 'half';
      redirect?: 'follow' | 'error' | 'manual';
    },
  ): Request;
};

interface ReadableStreamDefaultReader<R> {
  read(): Promise<{ done: true; value?: undefined } | { done: false; value: R }>;
  cancel(reason?: unknown): Promise<void>;
  releaseLock(): void;
}

interface ReadableStream<R> {
  getReader(): ReadableStreamDefaultReader<R>;
  cancel(reason?: unknown): Promise<void>;
  pipeThrough<T>(transform: { writable: WritableStream<R>; readable: ReadableStream<T> }): ReadableStream<T>;
}

interface WritableStream<W> {
  abort(reason?: W): Promise<void>;
}

interface TransformStreamDefaultController<O> {
  enqueue(chunk: O): void;
}
interface TransformStream<I, O> {
  readonly readable: ReadableStream<O>;
  readonly writable: WritableStream<I>;
}
declare var TransformStream: {
  prototype: TransformStream<unknown, unknown>;
  new <I, O>(transformer: {
    transform?(chunk: I, controller: TransformStreamDefaultController<O>): void;
    flush?(controller: TransformStreamDefaultController<O>): void;
  }): TransformStream<I, O>;
};

interface Blob {
  readonly size: number;
  readonly type: string;
  stream(): ReadableStream<Uint8Array>;
  slice(start?: number, end?: number, contentType?: string): Blob;
}
declare var Blob: { prototype: Blob; new (parts?: Array<Blob | string | Uint8Array>, options?: { type?: string }): Blob };

interface TextDecoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
declare var TextDecoder: { prototype: TextDecoder; new (label?: string): TextDecoder };

interface Response {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly headers: Headers;
  readonly body: ReadableStream<Uint8Array> | null;
  text(): Promise<string>;
}
declare var Response: {
  prototype: Response;
  new (body: null, init: { status: number; statusText: string; headers: Headers }): Response;
};
