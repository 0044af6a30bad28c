// The argv parser and help printer: small on purpose, because it is all that loads before a command runs.

/** One option: `flags` such as `-L, --limit <n>`, `--json [fields]`, `--no-color` or `-y, --yes`. */
export interface OptionSpec {
  flags: string;
  description: string;
  /** Converts and checks the value; throws a plain Error whose message says what is expected. */
  parse?: (value: string) => unknown;
  default?: unknown;
  required?: boolean;
  choices?: readonly string[];
}

/** A positional argument. */
export interface ArgumentSpec {
  name: string;
  description: string;
  choices?: readonly string[];
}

/** A command or a group of commands. */
export interface CommandSpec {
  name: string;
  aliases?: string[];
  description: string;
  args?: ArgumentSpec[];
  options?: OptionSpec[];
  children?: CommandSpec[];
  /** Loads the module holding the handler and names it; absent for groups. */
  run?: [load: () => Promise<Record<string, unknown>>, name: string];
  /** Text printed after the options in `--help` (examples, notes). */
  help?: string;
}

/** A parsed command line. */
export interface Invocation {
  path: string[];
  command: CommandSpec;
  root: CommandSpec;
  args: string[];
  /** Options of the command and the global ones, camelCased (`--spec-version` → `specVersion`). */
  options: Record<string, unknown>;
}

/** A command implementation. */
export type Handler = (invocation: Invocation) => Promise<void>;

/** A usage error: the message is printed with a hint to `--help`, and the exit code is 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** `--help` or `--version` was asked for: print `text` on stdout and exit 0. */
export class HelpRequest {
  constructor(readonly text: string) {}
}

interface Flag {
  spec: OptionSpec;
  short?: string;
  long: string;
  key: string;
  value: 'none' | 'required' | 'optional';
  negate: boolean;
}

function describeFlag(spec: OptionSpec): Flag {
  const short = /(?:^|[ ,])-([A-Za-z])\b/.exec(spec.flags)?.[1];
  const long = /--([a-z][a-z0-9-]*)/.exec(spec.flags)![1]!;
  const negate = long.startsWith('no-');
  const base = negate ? long.slice(3) : long;
  return {
    spec,
    ...(short && { short }),
    long,
    key: base.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()),
    value: spec.flags.includes('<') ? 'required' : spec.flags.includes('[') ? 'optional' : 'none',
    negate,
  };
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const next = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = row[j]!;
      row[j] = next;
    }
  }
  return row[b.length]!;
}

function suggest(word: string, candidates: string[]): string {
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const score = distance(word, c);
    if (score < bestScore) [best, bestScore] = [c, score];
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(best.length / 3)) ? ` (did you mean ${best}?)` : '';
}

function usageLine(path: string[], command: CommandSpec): string {
  const args = (command.args ?? []).map((a) => `<${a.name}>`).join(' ');
  const rest = command.children ? '<command>' : args;
  return `Usage: ${['dataframer', ...path].join(' ')}${rest ? ` ${rest}` : ''} [options]`;
}

function rows(items: Array<[string, string]>): string {
  const width = Math.min(30, Math.max(...items.map(([left]) => left.length)));
  return items.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`).join('\n');
}

/** The `--help` text of a command. */
export function helpText(root: CommandSpec, path: string[], command: CommandSpec): string {
  const parts = [usageLine(path, command), '', command.description];
  if (command.aliases?.length) parts.push('', `Aliases: ${command.aliases.join(', ')}`);
  if (command.args?.length) parts.push('', 'Arguments:', rows(command.args.map((a) => [a.name, a.description])));
  const optionRows = (specs: OptionSpec[]) =>
    rows(
      specs.map((o) => [
        /^-[A-Za-z],/.test(o.flags) ? o.flags : `    ${o.flags}`,
        `${o.description}${o.required ? ' (required)' : ''}${o.choices ? ` (${o.choices.join(', ')})` : ''}${o.default !== undefined && typeof o.default !== 'boolean' ? ` (default ${String(o.default)})` : ''}`,
      ]),
    );
  if (command.options?.length && command !== root) parts.push('', 'Options:', optionRows(command.options));
  parts.push('', command === root ? 'Options:' : 'Global options:', optionRows(root.options ?? []));
  if (command.children?.length) {
    parts.push('', 'Commands:', rows(command.children.map((c) => [c.name, c.description])));
    parts.push('', `Run "dataframer ${[...path, '<command>'].join(' ')} --help" for a command's options and examples.`);
  }
  if (command.help) parts.push(command.help.replace(/^\n?/, '\n').trimEnd());
  return `${parts.join('\n')}\n`;
}

/** Parses argv (without `node` and the script) against the command tree. */
export function parse(root: CommandSpec, argv: string[], version: string): Invocation {
  const path: string[] = [];
  let command = root;
  const options: Record<string, unknown> = {};
  const args: string[] = [];
  let help = false;
  const flagsOf = (c: CommandSpec) => (c.options ?? []).map(describeFlag);
  const globalFlags = flagsOf(root);
  let flags = globalFlags;

  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (token === '-h' || token === '--help') {
      help = true;
      continue;
    }
    if (command === root && (token === '-V' || token === '--version')) throw new HelpRequest(`${version}\n`);
    if (token.startsWith('-') && token !== '-') {
      let name: string;
      let inline: string | undefined;
      let flag: Flag | undefined;
      if (token.startsWith('--')) {
        const eq = token.indexOf('=');
        name = eq === -1 ? token.slice(2) : token.slice(2, eq);
        inline = eq === -1 ? undefined : token.slice(eq + 1);
        flag = flags.find((f) => f.long === name);
      } else {
        name = token.slice(1, 2);
        inline = token.length > 2 ? token.slice(2) : undefined;
        flag = flags.find((f) => f.short === name);
      }
      if (!flag) {
        const known = flags.map((f) => `--${f.long}`);
        throw new UsageError(`unknown option '${token.split('=')[0]}'${suggest(token.split('=')[0]!, known)}`);
      }
      const label = `--${flag.long}`;
      let value: unknown;
      if (flag.value === 'none') {
        if (inline !== undefined && token.startsWith('--')) throw new UsageError(`option '${label}' does not take a value`);
        if (inline !== undefined) argv.splice(i + 1, 0, `-${inline}`); // -yq → -y -q
        value = !flag.negate;
      } else if (inline !== undefined) {
        value = inline;
      } else if (flag.value === 'required') {
        if (i + 1 >= argv.length) throw new UsageError(`option '${flag.spec.flags}' needs a value`);
        value = argv[++i];
      } else {
        const next = argv[i + 1];
        // An optional value is taken only when it looks like one (`--json id,status`), so `--json RUN_ID` keeps the id.
        value = next !== undefined && /^[a-z_]+(,[a-z_]+)*$/.test(next) ? argv[++i] : true;
      }
      if (typeof value === 'string') {
        if (flag.spec.choices && !flag.spec.choices.includes(value)) {
          throw new UsageError(`option '${flag.spec.flags}' must be one of ${flag.spec.choices.join(', ')}; got '${value}'`);
        }
        if (flag.spec.parse) {
          try {
            value = flag.spec.parse(value);
          } catch (error) {
            throw new UsageError(`option '${flag.spec.flags}': invalid value '${value}'. ${(error as Error).message}`);
          }
        }
      }
      options[flag.key] = value;
      continue;
    }
    if (command.children && args.length === 0) {
      const child = command.children.find((c) => c.name === token || c.aliases?.includes(token));
      if (!child) {
        if (help) break;
        const names = command.children.map((c) => c.name);
        throw new UsageError(`unknown command '${token}' for "${['dataframer', ...path].join(' ')}"${suggest(token, names)}`);
      }
      command = child;
      path.push(child.name);
      flags = [...flagsOf(child), ...globalFlags];
      continue;
    }
    args.push(token);
  }

  if (help) throw new HelpRequest(helpText(root, path, command));
  if (!command.run) throw new UsageError(`missing command\n\n${helpText(root, path, command)}`);
  const expected = command.args ?? [];
  if (args.length < expected.length) throw new UsageError(`missing argument <${expected[args.length]!.name}> for "dataframer ${path.join(' ')}"`);
  if (args.length > expected.length) throw new UsageError(`unexpected argument '${args[expected.length]}' for "dataframer ${path.join(' ')}"`);
  expected.forEach((spec, i) => {
    if (spec.choices && !spec.choices.includes(args[i]!)) throw new UsageError(`<${spec.name}> must be one of ${spec.choices.join(', ')}; got '${args[i]}'`);
  });
  for (const flag of flags) {
    if (options[flag.key] !== undefined) continue;
    if (flag.spec.required) throw new UsageError(`required option '${flag.spec.flags}' is missing`);
    if (flag.spec.default !== undefined) options[flag.key] = flag.spec.default;
    else if (flag.negate) options[flag.key] = true;
  }
  return { path, command, root, args, options };
}
