/** Builds the page into apps/demo/dist. */
export function buildDemo(): Promise<void>;
/** Starts the preview server of apps/demo with its proxy pointed at `baseUrl`, adding `apiKey` on the server; a busy port rejects with `code: 'EADDRINUSE'` and `port`. */
export function serveDemo(options: {
  baseUrl: string;
  apiKey?: string;
  port?: number;
  host?: string;
}): Promise<{ url: string; close(): Promise<void> }>;
