import { DEMO_KEYS } from '../../DEMO_KEYS';

/** `dataframer-sandbox --help`. */
export const HELP_TEXT = `dataframer-sandbox: a local Dataframer-compatible API server

Usage: dataframer-sandbox [options]

Options:
  --port <n>        Port to listen on (default 8787; 0 picks a free port)
  --host <addr>     Address to bind (default 127.0.0.1)
  --seed <n>        Seed of the generated specs, runs and samples, and of
                    probabilistic faults (default 1)
  --speed <x>       Time scale: 1 is real time (about 5 samples per second per
                    run); 1000 finishes a 10,000-sample run in seconds (default 1)
  --spec-ready-status SUCCEEDED|READY
                    How specs spell a usable status, in the list and the detail
                    alike: SUCCEEDED (default, newest docs) or READY (older docs)
  --optional-fields present|null|absent
                    Serve every field the contract marks optional with its value
                    (default), as null, or not at all: for tolerance tests
  --idempotency honour|ignore
                    What a create's Idempotency-Key does: honour (default)
                    replays the first answer to a repeat; ignore makes every
                    create a new run, as a server without idempotency would
  --max-page-size <n>
                    Serve at most n samples (1 to 1000) per page of the samples
                    list, whatever limit asks for, as a gateway that caps pages
                    does (default: as many as asked for)
  --fault <spec>    Install a fault rule; repeat for several. Syntax:
                      "METHOD PATH KIND [key=value ...]"
                    METHOD is GET, POST, DELETE, ... or *; PATH is relative to
                    /api/dataframer (e.g. /runs/, /runs/*/cancel/) or *.
                    KIND and its options:
                      latency ms=<ms>
                      rate-limit [retry-after=<s>]         429 + Retry-After
                      server-error [status=500|502|503] [retry-after=<s>]
                      reset                   socket destroyed before handling
                      refuse [ms=<ms>]        connections refused (ECONNREFUSED)
                                              for ms (default 500): "* * refuse"
                      drop-after-act          handled, then socket destroyed
                      malformed-json          handled, body cut in half
                      unknown-status [value=<STATUS>]   runs carry this status
                      extra-field [field=<name>]        unknown field added
                    How often (default: every matching request; not for refuse):
                      p=<0..1>                seeded probability
                      nth=<n>[,<n>...]        only these matching requests (from 1)
                    Example: --fault "POST /runs/ drop-after-act nth=1"
  -h, --help        Show this help
  --version         Show the version

Demo API keys (fake, sandbox only):
  ${DEMO_KEYS.acme}     company "acme"
  ${DEMO_KEYS.globex}   company "globex"

Admin API (no auth): GET /__sandbox/state, GET|POST|DELETE /__sandbox/faults,
DELETE /__sandbox/faults/<id>, POST /__sandbox/fault-counts/reset,
GET|PATCH /__sandbox/settings, POST /__sandbox/clock/advance,
POST /__sandbox/reset, POST /__sandbox/runs.
Stop with Ctrl-C or SIGTERM.
`;
