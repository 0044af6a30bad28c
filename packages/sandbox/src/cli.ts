import { parseArgs } from 'node:util';
import { startSandbox } from './startSandbox';

const HELP = `dataframer-sandbox: a local Dataframer-compatible API server

Usage: dataframer-sandbox [options]

Options:
  --port <n>        Port to listen on (default 8787; 0 picks a free port)
  --host <addr>     Address to bind (default 127.0.0.1)
  --seed <n>        Seed of the generated specs, runs and samples, and of
                    probabilistic faults (default 1)
  --speed <x>       Time scale: 1 is real time (about 5 samples per second per
                    run); 1000 finishes a 10,000-sample run in seconds (default 1)
  --fault <spec>    Install a fault rule; repeat for several. Syntax:
                      "METHOD PATH KIND [key=value ...]"
                    METHOD is GET, POST, DELETE, ... or *; PATH is relative to
                    /api/dataframer (e.g. /runs/, /runs/*/cancel/) or *.
                    KIND and its options:
                      latency ms=<ms>
                      rate-limit [retry-after=<s>]         429 + Retry-After
                      server-error [status=500|502|503] [retry-after=<s>]
                      reset                   socket destroyed before handling
                      drop-after-act          handled, then socket destroyed
                      malformed-json          handled, body cut in half
                      unknown-status [value=<STATUS>]   runs carry this status
                      extra-field [field=<name>]        unknown field added
                    How often (default: every matching request):
                      p=<0..1>                seeded probability
                      nth=<n>[,<n>...]        only these matching requests (from 1)
                    Example: --fault "POST /runs/ drop-after-act nth=1"
  -h, --help        Show this help

Demo API keys (fake, sandbox only):
  sk_test_sandbox_acme_demo     company "acme"
  sk_test_sandbox_globex_demo   company "globex"

Admin API (no auth): GET /__sandbox/state, GET|POST|DELETE /__sandbox/faults,
DELETE /__sandbox/faults/<id>, POST /__sandbox/fault-counts/reset.
Stop with Ctrl-C or SIGTERM.
`;

function number(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value)) throw new Error(`--${name} must be a number, got "${raw}"`);
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      speed: { type: 'string' },
      fault: { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const sandbox = await startSandbox({
    port: number('port', values.port, 8787),
    host: values.host ?? '127.0.0.1',
    seed: number('seed', values.seed, 1),
    speed: number('speed', values.speed, 1),
    faults: values.fault ?? [],
  });
  process.stdout.write(
    `Dataframer sandbox listening on ${sandbox.url}\n` +
      `API base URL: ${sandbox.url}/api/dataframer/\n` +
      `Demo API key: ${sandbox.keys.acme} (second company: ${sandbox.keys.globex})\n` +
      `Try: curl -H "Authorization: Bearer ${sandbox.keys.acme}" ${sandbox.url}/api/dataframer/runs/\n`,
  );
  const shutdown = (): void => {
    sandbox.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`dataframer-sandbox: ${(error as Error).message}\n`);
  process.exit(2);
});
