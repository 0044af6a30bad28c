/** A running proxy process: its URL, everything it has logged so far, and a way to stop it. */
export interface ProxyProcess {
  url: string;
  log(): string;
  stop(): void;
}
export declare function startProxy(from: string): Promise<ProxyProcess>;
