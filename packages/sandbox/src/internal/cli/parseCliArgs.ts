import { parseArgs } from 'node:util';
import type { SandboxOptions } from '../../types';
import {
  DATASET_PATHS_MODES,
  DEFAULT_CLI_PORT,
  DEFAULT_HOST,
  DEFAULT_SPEED,
  EVALUATION_SUCCESS_STATUSES,
  FAILURE_RATE_RANGE,
  IDEMPOTENCY_MODES,
  OPTIONAL_FIELDS_MODES,
  SPEC_READY_STATUSES,
} from '../rules';
import { checkFailureRate, checkMaxPageSize, PAGE_CAP_RANGE } from '../settings';

/** What the command line asked for. */
export type CliRequest =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'start'; options: SandboxOptions & { port: number; host: string } };

/** A command-line mistake: the message is shown as is, and the command exits 2. */
class UsageError extends Error {}

function number(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) throw new UsageError(`--${name} must be a number, got "${raw}"`);
  return value;
}

function choice<T extends string>(name: string, raw: string | undefined, choices: readonly T[]): T | undefined {
  if (raw === undefined) return undefined;
  const match = choices.find((c) => c.toLowerCase() === raw.toLowerCase());
  if (!match) throw new UsageError(`--${name} must be ${choices.join(' or ')}, got "${raw}"`);
  return match;
}

function pageCap(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  try {
    return checkMaxPageSize(Number(raw));
  } catch {
    throw new UsageError(`--max-page-size must be ${PAGE_CAP_RANGE}, got "${raw}"`);
  }
}

function failureRate(name: string, raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  try {
    return checkFailureRate(raw.trim() === '' ? Number.NaN : Number(raw));
  } catch {
    throw new UsageError(`--${name} must be ${FAILURE_RATE_RANGE}, got "${raw}"`);
  }
}

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  seed: { type: 'string' },
  speed: { type: 'string' },
  'failure-rate': { type: 'string' },
  fault: { type: 'string', multiple: true },
  'spec-ready-status': { type: 'string' },
  'optional-fields': { type: 'string' },
  idempotency: { type: 'string' },
  'max-page-size': { type: 'string' },
  'dataset-paths': { type: 'string' },
  'evaluation-success-status': { type: 'string' },
  'evaluation-failure-rate': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/** Reads the command line of `dataframer-sandbox`. */
export function parseCliArgs(argv: string[]): CliRequest {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; strict: true; allowPositionals: false }>>['values'];
  try {
    ({ values } = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    const message = (error as Error).message.split('. ')[0] ?? String(error);
    throw new UsageError(`${message} (see --help)`);
  }
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const port = number('port', values.port, DEFAULT_CLI_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be an integer from 0 to 65535, got "${values.port}"`);
  const specReadyStatus = choice('spec-ready-status', values['spec-ready-status'], SPEC_READY_STATUSES);
  const optionalFields = choice('optional-fields', values['optional-fields'], OPTIONAL_FIELDS_MODES);
  const idempotency = choice('idempotency', values.idempotency, IDEMPOTENCY_MODES);
  const maxPageSize = pageCap(values['max-page-size']);
  const datasetPaths = choice('dataset-paths', values['dataset-paths'], DATASET_PATHS_MODES);
  const rate = failureRate('failure-rate', values['failure-rate']);
  const evaluationSuccessStatus = choice('evaluation-success-status', values['evaluation-success-status'], EVALUATION_SUCCESS_STATUSES);
  const evaluationFailureRate = failureRate('evaluation-failure-rate', values['evaluation-failure-rate']);
  return {
    kind: 'start',
    options: {
      port,
      host: values.host ?? DEFAULT_HOST,
      // Without --seed, ids are new on every start.
      ...(values.seed !== undefined && { seed: number('seed', values.seed, 0) }),
      speed: number('speed', values.speed, DEFAULT_SPEED),
      ...(rate !== undefined && { failureRate: rate }),
      faults: values.fault ?? [],
      ...(specReadyStatus && { specReadyStatus }),
      ...(optionalFields && { optionalFields }),
      ...(idempotency && { idempotency }),
      ...(maxPageSize !== undefined && { maxPageSize }),
      ...(datasetPaths && { datasetPaths }),
      ...(evaluationSuccessStatus && { evaluationSuccessStatus }),
      ...(evaluationFailureRate !== undefined && { evaluationFailureRate }),
    },
  };
}
