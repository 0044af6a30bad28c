/** The server root the proxy forwards to, from DATAFRAMER_BASE_URL in either documented form (production when unset); throws on anything else, without echoing it. */
export function proxyTarget(baseUrl: string | undefined): string;
