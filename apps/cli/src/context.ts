import type { NodeClient, NodeClientOptions, NodeFetch, NodeFetchOptions } from '@df/node';

/** A stream the CLI writes to. */
export interface OutputStream {
  write(text: string): void;
  /** Whether it is a terminal. */
  readonly isTTY: boolean;
  /** Its width in columns when it is a terminal (read at each call: windows get resized). */
  columns(): number | undefined;
}

/** Standard input: a terminal for prompts, or a pipe to read ids and keys from. */
interface InputStream {
  readonly isTTY: boolean;
  /** The readable itself; created only when something reads it. */
  stream(): NodeJS.ReadableStream & { setRawMode?(mode: boolean): unknown };
}

/** Everything a command handler touches outside its own code; `process` in the bin, fakes or buffers in tests. */
export interface Context {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: InputStream;
  env: Record<string, string | undefined>;
  /** Directory relative paths are resolved against. */
  cwd: string;
  clock: { now(): number };
  /** Creates an API client (loading the SDK on first use). */
  createClient(options: NodeClientOptions): Promise<NodeClient>;
  /** Creates the SDK's fetch for Node (undici, proxies from the environment), shared by the client and downloads. */
  createFetch(options: NodeFetchOptions): Promise<NodeFetch>;
  /** Calls `listener` on Ctrl-C or SIGTERM until the returned function is called. */
  onInterrupt(listener: () => void): () => void;
}
