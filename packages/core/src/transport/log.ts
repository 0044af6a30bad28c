import type { Logger } from '../TransportOptions';
import type { Redactor } from './redactor';

/** Writes one debug line about a call, redacted. */
export type Log = (line: string) => void;

/** The client's log, or undefined without a logger, so `log?.(…)` skips building the line at all on the hot path. */
export function createLog(logger: Logger | undefined, redactor: Redactor): Log | undefined {
  return logger && ((line) => logger.debug(redactor.redact(line)));
}
