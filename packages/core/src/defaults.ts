/** The production server root. */
export const DEFAULT_BASE_URL = 'https://df-api.dataframer.ai';

/** Default deadline of one call, retries included. */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** Default number of retries after the first attempt. */
export const DEFAULT_MAX_RETRIES = 2;

/** Default size limit of a JSON answer: far above any page the API sends, far below what would exhaust memory. */
export const DEFAULT_MAX_RESPONSE_BYTES = 256 * 1024 * 1024;
