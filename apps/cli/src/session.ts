import type { Invocation } from './parser';
import type { NodeClient, NodeFetch } from '@df/node';
import { resolveAuth, type ResolvedAuth } from './config';
import { CliError } from './errors';
import { EXIT } from './exitCodes';
import { createHttpFetch, type HttpFetch } from './httpFetch';
import { createIo, type Io } from './io';

/** The global options every command sees. */
export interface GlobalOptions {
  profile?: string;
  baseUrl?: string;
  color?: boolean;
  debug?: boolean;
}

/** What a command runs with: its options, the terminal, the resolved credentials and (lazily) a client. */
export interface Session<O> {
  options: O & GlobalOptions;
  io: Io;
  auth: ResolvedAuth;
  /** Creates the API client (loading the SDK); fails with exit 4 when there is no key. */
  client(): Promise<NodeClient>;
  /** The HTTP client under the API client (for downloads from pre-signed URLs). */
  http: HttpFetch;
  close(): Promise<void>;
}

/** Builds a session for a command: global options, terminal detection and credential precedence. */
export function openSession<O>(command: Invocation): Session<O> {
  const options = command.options as O & GlobalOptions;
  const io = createIo({ color: options.color !== false });
  const auth = resolveAuth(options);
  let made: NodeClient | undefined;
  let apiFetch: NodeFetch | undefined;
  const http = createHttpFetch();
  return {
    options,
    io,
    auth,
    http,
    async client() {
      if (made) return made;
      if (!auth.apiKey) {
        const hint = auth.profile === 'default' ? '' : ` (profile "${auth.profile}" has no key)`;
        throw new CliError(
          `not logged in${hint}: run "dataframer auth login" or set DATAFRAMER_API_KEY`,
          EXIT.AUTH,
        );
      }
      const { createClient, createNodeFetch } = await import('@df/node');
      // node:http starts a short-lived process about three times faster than undici; proxies still switch to undici.
      apiFetch = createNodeFetch({ engine: 'node:http' });
      made = createClient({
        apiKey: auth.apiKey,
        baseUrl: auth.baseUrl,
        env: {},
        fetch: apiFetch.fetch,
        ...((options.debug || process.env['DATAFRAMER_LOG'] === 'debug') && { logger: { debug: (line: string) => io.info(io.errStyle.dim(`[debug] ${line}`)) } }),
      });
      return made;
    },
    async close() {
      await made?.close();
      await apiFetch?.close();
      await http.close();
    },
  };
}

/** Runs a command body with a session and always closes the client afterwards. */
export async function withSession<O>(command: Invocation, body: (session: Session<O>) => Promise<void>): Promise<void> {
  const session = openSession<O>(command);
  try {
    await body(session);
  } finally {
    await session.close();
  }
}

/** An AbortSignal that fires on Ctrl-C (SIGINT) or SIGTERM, so long waits stop at once. */
export function interruptSignal(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSignal = () => controller.abort(new CliError('interrupted', EXIT.INTERRUPTED));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** Reads an id argument; `-` reads the first token of the first non-empty line of stdin. */
export async function readId(arg: string, what = 'run id'): Promise<string> {
  if (arg !== '-') {
    if (arg.trim() === '') throw new CliError(`the ${what} is empty`, EXIT.USAGE);
    return arg.trim();
  }
  const id = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    const stdin = process.stdin;
    const finish = (value: string) => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.off('error', reject);
      stdin.pause();
      resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l, i, all) => l.trim() !== '' && i < all.length - 1);
      if (line !== undefined) finish(line.trim().split(/\s+/)[0]!);
    };
    const onEnd = () => finish(buffer.trim().split(/\s+/)[0] ?? '');
    stdin.setEncoding('utf8');
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.on('error', reject);
  });
  if (!id) throw new CliError(`expected a ${what} on stdin (for "-"), but stdin was empty`, EXIT.USAGE);
  return id;
}
