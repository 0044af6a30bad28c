import { isatty } from 'node:tty';

/** Every secret seen in this process (the API key); removed from anything printed on stderr. */
const secrets = new Set<string>();

/** Registers a secret that must never be printed. */
export function addSecret(secret: string | undefined): void {
  if (secret && secret.length >= 4) secrets.add(secret);
}

const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]+/gi;
const KEY_SHAPE = /\bsk_[A-Za-z0-9]+_[A-Za-z0-9_-]{4,}/g;

/** Removes registered secrets, bearer tokens and key-shaped strings from a text. */
export function redactSecrets(text: string, extra: readonly string[] = []): string {
  let out = text;
  for (const secret of [...secrets, ...extra]) if (out.includes(secret)) out = out.split(secret).join('[REDACTED]');
  return out.replace(BEARER, '$1 [REDACTED]').replace(KEY_SHAPE, '[REDACTED]');
}

/** ANSI styles for one stream; identity functions when colour is off. */
export interface Style {
  enabled: boolean;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

function style(enabled: boolean): Style {
  const wrap = (open: number, close: number) => (text: string) => (enabled ? `\x1b[${open}m${text}\x1b[${close}m` : text);
  return {
    enabled,
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
    dim: wrap(2, 22),
    bold: wrap(1, 22),
  };
}

/** What the CLI knows about its terminal: which streams are terminals and whether to colour them. */
export interface Io {
  /** stdout is a terminal (or DATAFRAMER_FORCE_TTY=1): human tables instead of tab-separated values. */
  outTty: boolean;
  /** stderr is a terminal (or forced): progress bars and spinners. */
  errTty: boolean;
  /** stdin is a terminal (or forced): prompts are allowed. */
  inTty: boolean;
  out: Style;
  errStyle: Style;
  columns: number;
  secrets: readonly string[];
  /** Writes to stdout. */
  print(text: string): void;
  /** Writes a message line to stderr, secrets removed. */
  info(text: string): void;
}

/** Detects terminals and colour from the streams, NO_COLOR, TERM=dumb, --no-color and DATAFRAMER_FORCE_TTY. */
export function createIo(options: { color?: boolean } = {}, env: NodeJS.ProcessEnv = process.env): Io {
  const forced = env['DATAFRAMER_FORCE_TTY'] === '1' || env['DATAFRAMER_FORCE_TTY'] === 'true';
  // isatty() rather than process.stdin.isTTY: touching process.stdin would set up a stream for nothing.
  const outTty = forced || isatty(1);
  const errTty = forced || isatty(2);
  const inTty = forced || isatty(0);
  const colorAllowed = options.color !== false && !env['NO_COLOR'] && env['TERM'] !== 'dumb';
  return {
    outTty,
    errTty,
    inTty,
    out: style(colorAllowed && outTty),
    errStyle: style(colorAllowed && errTty),
    columns: (isatty(1) && process.stdout.columns) || 100,
    get secrets() {
      return [...secrets];
    },
    print: (text) => {
      process.stdout.write(text);
    },
    info: (text) => {
      process.stderr.write(`${redactSecrets(text)}\n`);
    },
  };
}
