import { DEMO_KEYS } from '../../DEMO_KEYS';
import type { FaultKind } from '../../faultTypes';
import {
  ADMIN,
  API,
  DATASET_PATHS_MODES,
  DEFAULT_CLI_PORT,
  DEFAULT_FAILURE_RATE,
  DEFAULT_FAULT_MS,
  DEFAULT_HOST,
  DEFAULT_SAMPLES_PER_SECOND,
  DEFAULT_SEED,
  DEFAULT_SPEED,
  EVALUATION_SUCCESS_STATUSES,
  FAULT_KINDS,
  IDEMPOTENCY_MODES,
  MAX_SAMPLES_PAGE,
  OPTIONAL_FIELDS_MODES,
  SERVER_ERROR_STATUSES,
  SPEC_READY_STATUSES,
} from '../rules';

/** Where the description column of the fault kinds starts. */
const KIND_COLUMN = ' '.repeat(46);

/** Each fault kind's options and what it does, as the help lists them after the kind's name. */
const FAULT_KIND_HELP: Record<FaultKind, string> = {
  latency: ' ms=<ms>',
  'rate-limit': ' [retry-after=<s>]         429 + Retry-After',
  'server-error': ` [status=${SERVER_ERROR_STATUSES.join('|')}] [retry-after=<s>]`,
  reset: '                   socket destroyed before handling',
  refuse: ` [ms=<ms>]        connections refused (ECONNREFUSED)\n${KIND_COLUMN}for ms (default ${DEFAULT_FAULT_MS}): "* * refuse"`,
  'drop-after-act': '          handled, then socket destroyed',
  'malformed-json': '          handled, body cut in half',
  'unknown-status': ' [value=<STATUS>]   runs and evaluations carry this status',
  'extra-field': ' [field=<name>]        unknown field added',
};

/** `dataframer-sandbox --help`. */
export const HELP_TEXT = `dataframer-sandbox: a local Dataframer-compatible API server

Usage: dataframer-sandbox [options]

Options:
  --port <n>        Port to listen on (default ${DEFAULT_CLI_PORT}; 0 picks a free port)
  --host <addr>     Address to bind (default ${DEFAULT_HOST})
  --seed <n>        Seed of the generated specs, runs and samples, and of
                    probabilistic faults (default ${DEFAULT_SEED}, but with ids
                    that are new on every start; give a seed for the same ids)
  --speed <x>       Time scale: 1 is real time (about ${DEFAULT_SAMPLES_PER_SECOND} samples per second per
                    run); 1000 finishes a 10,000-sample run in seconds (default ${DEFAULT_SPEED})
  --failure-rate <0..1>
                    Fraction of new runs that end FAILED, decided from the seed
                    (default ${DEFAULT_FAILURE_RATE}; 0 for none)
  --spec-ready-status ${SPEC_READY_STATUSES.join('|')}
                    How specs spell a usable status, in the list and the detail
                    alike: SUCCEEDED (default, newest docs) or READY (older docs)
  --optional-fields ${OPTIONAL_FIELDS_MODES.join('|')}
                    Serve every field the contract marks optional with its value
                    (default), as null, or not at all: for tolerance tests
  --idempotency ${IDEMPOTENCY_MODES.join('|')}
                    What a create's Idempotency-Key does: honour (default)
                    replays the first answer to a repeat; ignore makes every
                    create a new run, as a server without idempotency would
  --max-page-size <n>
                    Serve at most n samples (1 to ${MAX_SAMPLES_PAGE}) per page of the samples
                    list, whatever limit asks for, as a gateway that caps pages
                    does (default: as many as asked for)
  --dataset-paths ${DATASET_PATHS_MODES.join('|')}
                    Serve the seed-dataset routes under both path families
                    (default), only the newest docs' /seed-datasets/, or only
                    the older docs' /datasets/; the other family answers 404
  --evaluation-success-status ${EVALUATION_SUCCESS_STATUSES.join('|')}
                    How a successful evaluation's status is spelled: SUCCEEDED
                    (default, the status enum) or COMPLETED (the create page's note)
  --evaluation-failure-rate <0..1>
                    Fraction of new evaluations that end FAILED, decided from
                    the seed (default: the --failure-rate)
  --fault <spec>    Install a fault rule; repeat for several. Syntax:
                      "METHOD PATH KIND [key=value ...]"
                    METHOD is GET, POST, DELETE, ... or *; PATH is relative to
                    ${API} (e.g. /runs/, /runs/*/cancel/) or *.
                    KIND and its options:
${FAULT_KINDS.map((kind) => `                      ${kind}${FAULT_KIND_HELP[kind]}`).join('\n')}
                    How often (default: every matching request; not for refuse):
                      p=<0..1>                seeded probability
                      nth=<n>[,<n>...]        only these matching requests (from 1)
                    Example: --fault "POST /runs/ drop-after-act nth=1"
  -h, --help        Show this help
  --version         Show the version

Demo API keys (fake, sandbox only):
  ${DEMO_KEYS.acme}     company "acme"
  ${DEMO_KEYS.globex}   company "globex"

Admin API (no auth): GET ${ADMIN}/state, GET|POST|DELETE ${ADMIN}/faults,
DELETE ${ADMIN}/faults/<id>, POST ${ADMIN}/fault-counts/reset,
GET|PATCH ${ADMIN}/settings, POST ${ADMIN}/clock/advance,
POST ${ADMIN}/reset, POST ${ADMIN}/runs.
Stop with Ctrl-C or SIGTERM.
`;
