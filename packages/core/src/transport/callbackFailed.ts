import { CallbackError, type CallbackStage } from '../errors/errors';
import type { Call } from './call';
import type { Redactor } from './redactor';

/** The message of whatever was thrown. */
export function messageOf(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}

const WHO: Record<CallbackStage, string> = {
  'beforeRequest hook': 'your beforeRequest hook',
  'afterResponse hook': 'your afterResponse hook',
  getToken: 'getToken()',
  fetch: 'the fetch function',
};

/** The one way a function of yours that threw is reported: what it was, whether the request had been sent, and what it threw. */
export function callbackFailed(call: Call | undefined, stage: CallbackStage, cause: unknown, redactor: Redactor): CallbackError {
  const name = call?.operation.name ?? 'the request';
  const requestSent = stage === 'afterResponse hook';
  const what = requestSent ? `${name} was answered, then ${WHO[stage]} threw` : `${name} was not sent: ${WHO[stage]} threw`;
  return new CallbackError(`${what}: ${redactor.redact(messageOf(cause))}`, {
    stage,
    requestSent,
    cause,
    ...(call && { request: call.label, attempts: call.attempts }),
  });
}
