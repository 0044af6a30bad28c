/** Machine-readable kind of every error the toolkit throws. */
export type DataframerErrorCode =
  | 'api_error'
  | 'bad_request'
  | 'authentication'
  | 'permission_denied'
  | 'not_found'
  | 'conflict'
  | 'unprocessable_entity'
  | 'rate_limited'
  | 'server_error'
  | 'connection'
  | 'timeout'
  | 'aborted'
  | 'outcome_unknown'
  | 'cost_limit'
  | 'response_validation'
  | 'request_validation'
  | 'configuration'
  | 'callback';

/** Fields shared by every toolkit error's constructor. */
export interface DataframerErrorOptions {
  cause?: unknown;
  /** Number of HTTP attempts made before the error was raised. */
  attempts?: number;
  /** `METHOD /path/` of the request that failed, when there was one. */
  request?: string;
}

/** Base class of every error thrown by the toolkit; `code` tells the kind without `instanceof`. */
export class DataframerError extends Error {
  override readonly name: string = 'DataframerError';
  readonly code: DataframerErrorCode;
  readonly attempts: number | undefined;
  readonly request: string | undefined;

  constructor(code: DataframerErrorCode, message: string, options: DataframerErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.attempts = options.attempts;
    this.request = options.request;
  }

  /** Whether repeating the same call later may succeed. */
  get retryable(): boolean {
    return false;
  }

  /** A stable, secret-free plain object for logs and `--json` output. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, code: this.code, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (value !== undefined && key !== 'cause') out[key] = value;
    }
    return out;
  }
}
