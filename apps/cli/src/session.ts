import type { CallOptions, NodeClient, NodeFetch } from '@df/node';
import { resolveAuth, type ResolvedAuth } from './config';
import type { Context } from './context';
import { CliError } from './errors';
import { EXIT } from './exitCodes';
import { shortDuration } from './format';
import { createIo, type Io } from './io';
import type { GlobalOptions } from './program/root';
import { reportError } from './reportError';

/** What a command runs with: the context, the terminal, the resolved credentials and (lazily) a client. */
export interface Session {
  ctx: Context;
  globals: GlobalOptions;
  io: Io;
  auth: ResolvedAuth;
  /** Creates the API client (loading the SDK); fails with exit 4 when there is no key. */
  client(): Promise<NodeClient>;
  /** The SDK's fetch under the API client: the same connection pool and proxies serve downloads from pre-signed URLs. */
  fetch(): Promise<NodeFetch>;
  /**
   * A signal that aborts on Ctrl-C or SIGTERM, so long waits stop at once and say how to resume. Commands
   * that never ask for it keep the default behaviour of those signals (the process ends).
   */
  interrupt(): AbortSignal;
  /** Time left under the global --timeout (undefined without one). */
  remaining(): number | undefined;
  /** Options for one SDK call: what is left of --timeout (and the interrupt signal once asked for). */
  call(): CallOptions;
}

/** The message of a missing key; it says how to set one. */
export function notLoggedIn(auth: ResolvedAuth): CliError {
  const hint = auth.profile === 'default' ? '' : ` (profile "${auth.profile}" has no key)`;
  return new CliError(`not logged in${hint}: run "dataframer auth login" or set DATAFRAMER_API_KEY`, EXIT.AUTH);
}

/**
 * Runs a command body with a session: resolves the credentials, reports any error as one redacted line
 * (with the exit code it maps to), and always closes the client and the signal handlers afterwards.
 */
export async function withSession(ctx: Context, globals: GlobalOptions, body: (session: Session) => Promise<number>): Promise<number> {
  const io = createIo(ctx, { color: globals.color !== false });
  let auth: ResolvedAuth | undefined;
  let made: NodeClient | undefined;
  let http: Promise<NodeFetch> | undefined;
  const controller = new AbortController();
  let dispose: (() => void) | undefined;
  const interrupt = () => {
    dispose ??= ctx.onInterrupt(() => controller.abort(new CliError('interrupted', EXIT.INTERRUPTED)));
    return controller.signal;
  };
  const started = ctx.clock.now();
  try {
    const resolved = resolveAuth(globals, ctx.env);
    auth = resolved;
    io.secrets.push(...resolved.secrets);
    const remaining = () => (globals.timeout === undefined ? undefined : Math.max(1, globals.timeout - (ctx.clock.now() - started)));
    const session: Session = {
      ctx,
      globals,
      io,
      auth: resolved,
      interrupt,
      remaining,
      call: () => {
        const left = remaining();
        return { ...(dispose && { signal: controller.signal }), ...(left !== undefined && { timeoutMs: left }) };
      },
      // The environment is the user's, so HTTPS_PROXY, HTTP_PROXY and NO_PROXY apply as in the SDK. node:http
      // starts a short-lived process about three times faster than undici; with a proxy set, undici is used.
      fetch: () => (http ??= ctx.createFetch({ env: ctx.env, engine: 'node:http' })),
      async client() {
        if (made) return made;
        if (!resolved.apiKey) throw notLoggedIn(resolved);
        const debug = globals.debug || ctx.env['DATAFRAMER_LOG'] === 'debug';
        const http = await session.fetch();
        made = await ctx.createClient({
          apiKey: resolved.apiKey,
          // The SDK's own 401/403 words name where the key really came from, as the CLI's do.
          ...(resolved.keySource && { apiKeySource: resolved.keySource }),
          baseUrl: resolved.baseUrl,
          env: ctx.env,
          fetch: (request, init) => http.fetch(request, init),
          ...(globals.timeout !== undefined && { timeoutMs: globals.timeout }),
          ...(debug && { logger: { debug: (line: string) => io.info(io.errStyle.dim(`[debug] ${line}`)) } }),
        });
        return made;
      },
    };
    return await body(session);
  } catch (error) {
    if (controller.signal.aborted && !(error instanceof CliError)) return reportError(new CliError('interrupted', EXIT.INTERRUPTED), io);
    return reportError(error, io, {
      debug: Boolean(globals.debug),
      ...(auth && { auth }),
      ...(globals.timeout !== undefined && { timeout: globals.timeout < 1000 ? `${globals.timeout}ms` : shortDuration(globals.timeout) }),
    });
  } finally {
    dispose?.();
    await made?.close();
    await (await http)?.close();
  }
}
