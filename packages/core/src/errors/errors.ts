import { DataframerError, type DataframerErrorOptions } from './DataframerError';

/** The request never got an HTTP response: DNS, refused or reset connection, TLS, CORS or offline. */
export class ConnectionError extends DataframerError {
  override readonly name: string = 'ConnectionError';
  /** The system error code when the runtime gave one (`ECONNREFUSED`, `ECONNRESET`, …). */
  readonly causeCode: string | undefined;
  constructor(message: string, options: DataframerErrorOptions & { causeCode?: string } = {}) {
    super('connection', message, options);
    this.causeCode = options.causeCode;
  }
  override get retryable(): boolean {
    return true;
  }
}

/** The call's deadline (`timeoutMs`, which covers every retry and wait) passed before it finished. */
export class TimeoutError<T = unknown> extends DataframerError {
  override readonly name: string = 'TimeoutError';
  readonly timeoutMs: number;
  /** For waits: the last value seen before the deadline (the run, with its progress). */
  readonly last: T | undefined;
  constructor(message: string, options: DataframerErrorOptions & { timeoutMs: number; last?: T }) {
    super('timeout', message, options);
    this.timeoutMs = options.timeoutMs;
    this.last = options.last;
  }
  override get retryable(): boolean {
    return true;
  }
}

/** The caller's `AbortSignal` fired. */
export class AbortError<T = unknown> extends DataframerError {
  override readonly name: string = 'AbortError';
  /** For waits: the last value seen before the abort. */
  readonly last: T | undefined;
  constructor(message: string, options: DataframerErrorOptions & { last?: T } = {}) {
    super('aborted', message, options);
    this.last = options.last;
  }
}

/**
 * A write failed in a way that does not prove whether the server acted: a run may or may not exist, a key may or may
 * not have been rotated. It is never retried blindly; `idempotencyKey` lets the caller repeat a create safely.
 */
export class OutcomeUnknownError extends DataframerError {
  override readonly name: string = 'OutcomeUnknownError';
  /** The `Idempotency-Key` every attempt of this create carried; undefined for a write that sends none (`apiKeys.rotate`). */
  readonly idempotencyKey: string | undefined;
  constructor(message: string, options: DataframerErrorOptions & { idempotencyKey?: string | undefined }) {
    super('outcome_unknown', message, options);
    this.idempotencyKey = options.idempotencyKey;
  }
}

/**
 * `runs.wait({ maxCost })`: the run's `total_cost` passed the limit. The run was cancelled unless the wait
 * was told only to stop (`onMaxCost: 'stop'`) or it had already finished; `last` is the run as last seen.
 */
export class CostLimitError<T = unknown> extends DataframerError {
  override readonly name: string = 'CostLimitError';
  /** The limit, in dollars. */
  readonly maxCost: number;
  /** The run as last seen, its `total_cost` over the limit. */
  readonly last: T;
  /** Whether the run was cancelled because of it. */
  readonly canceled: boolean;
  constructor(message: string, options: DataframerErrorOptions & { maxCost: number; last: T; canceled: boolean }) {
    super('cost_limit', message, options);
    this.maxCost = options.maxCost;
    this.last = options.last;
    this.canceled = options.canceled;
  }
}

/** One problem found while checking a value against its schema. */
export interface ValidationIssue {
  /** Dot path to the offending value (`[3].samples_completed`), empty for the root. */
  path: string;
  message: string;
}

/** The server answered with a body that does not match the contract (wrong type, missing field, bad JSON). */
export class ResponseValidationError extends DataframerError {
  override readonly name: string = 'ResponseValidationError';
  readonly issues: ValidationIssue[];
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  constructor(message: string, options: DataframerErrorOptions & { issues: ValidationIssue[]; status?: number; requestId?: string }) {
    super('response_validation', message, options);
    this.issues = options.issues;
    this.status = options.status;
    this.requestId = options.requestId;
  }
}

/** A parameter was rejected before anything was sent. */
export class RequestValidationError extends DataframerError {
  override readonly name: string = 'RequestValidationError';
  readonly issues: ValidationIssue[];
  constructor(message: string, options: DataframerErrorOptions & { issues: ValidationIssue[] }) {
    super('request_validation', message, options);
    this.issues = options.issues;
  }
}

/** The client is set up in a way that cannot work (no API key, a key over plain http, a bad base URL). */
export class ConfigurationError extends DataframerError {
  override readonly name: string = 'ConfigurationError';
  constructor(message: string, options: DataframerErrorOptions = {}) {
    super('configuration', message, options);
  }
}

/** Where a function of yours that the client calls threw: a ky hook, the token provider or the fetch it was given. */
export type CallbackStage = 'beforeRequest hook' | 'afterResponse hook' | 'getToken' | 'fetch';

/**
 * A function of yours that the client calls (a hook, `getToken`, a custom `fetch`) threw; `cause` is what it threw.
 * It is never retried: the same code would throw again. `requestSent` says whether the request had reached the
 * network first (only an `afterResponse` hook runs after that).
 */
export class CallbackError extends DataframerError {
  override readonly name: string = 'CallbackError';
  readonly stage: CallbackStage;
  readonly requestSent: boolean;
  constructor(message: string, options: DataframerErrorOptions & { stage: CallbackStage; requestSent: boolean }) {
    super('callback', message, options);
    this.stage = options.stage;
    this.requestSent = options.requestSent;
  }
}
