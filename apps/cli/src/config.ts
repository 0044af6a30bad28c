import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_BASE_URL } from '@df/node';
import { CliError } from './errors';

type Env = Record<string, string | undefined>;

/** One named profile of the config file. */
interface Profile {
  api_key?: string;
  base_url?: string;
}

/** The config file: `{ "profiles": { "default": { "api_key": "…", "base_url": "…" } } }`. */
export interface ConfigFile {
  profiles: Record<string, Profile>;
}

/** The config directory: DATAFRAMER_CONFIG_DIR, else the platform's config dir + `dataframer`. */
export function configDir(env: Env = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env['DATAFRAMER_CONFIG_DIR']) return env['DATAFRAMER_CONFIG_DIR'];
  if (platform === 'win32') return join(env['APPDATA'] || join(homedir(), 'AppData', 'Roaming'), 'dataframer');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'dataframer');
  return join(env['XDG_CONFIG_HOME'] || join(homedir(), '.config'), 'dataframer');
}

/** The config file path. */
function configPath(env: Env = process.env): string {
  return join(configDir(env), 'config.json');
}

/** Reads the config file; an absent file is an empty config. */
function readConfig(path = configPath()): ConfigFile {
  if (!existsSync(path)) return { profiles: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CliError(`The config file ${path} is not valid JSON (${(error as Error).message}); fix or delete it.`);
  }
  const profiles = (parsed as Partial<ConfigFile> | null)?.profiles;
  return { profiles: profiles && typeof profiles === 'object' ? profiles : {} };
}

/** Whether the config file can be read by other users (POSIX only). */
export function configIsShared(path = configPath()): boolean {
  if (process.platform === 'win32' || !existsSync(path)) return false;
  return (statSync(path).mode & 0o077) !== 0;
}

/** The config directory, made (mode 0700) if it is not there yet. */
function ensureConfigDir(env: Env): string {
  const dir = configDir(env);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') chmodSync(dir, 0o700);
  return dir;
}

/** Writes `text` to a new file with mode 0600 and flushes it to the disk before returning. */
function writeDurably(path: string, text: string): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes the config file atomically, the file with mode 0600 inside a 0700 directory: a temporary file in the same
 * directory, flushed to the disk, then renamed over the old one, so the file is always either the old or the new one.
 */
export function writeConfig(config: ConfigFile, env: Env = process.env): string {
  const dir = ensureConfigDir(env);
  const path = join(dir, 'config.json');
  const temp = `${path}.${process.pid}.tmp`;
  rmSync(temp, { force: true });
  try {
    writeDurably(temp, `${JSON.stringify(config, null, 2)}\n`);
    if (process.platform !== 'win32') chmodSync(temp, 0o600);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  // The rename itself reaches the disk with the directory (not possible on Windows, where renames are durable).
  if (process.platform !== 'win32') {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
  return path;
}

/** Fails, as `writeConfig` would, when the config file cannot be written (the probe it writes is removed again). */
export function checkConfigWritable(env: Env = process.env): void {
  const probe = join(ensureConfigDir(env), `config.json.${process.pid}.probe`);
  writeDurably(probe, '');
  rmSync(probe, { force: true });
}

/** Where the API key and base URL come from, after applying flag > env > config file precedence. */
export interface ResolvedAuth {
  profile: string;
  apiKey: string | undefined;
  keySource: string | undefined;
  baseUrl: string;
  baseUrlSource: string;
  configPath: string;
  config: ConfigFile;
  /** Every key this resolution saw (environment and stored profiles), to be kept out of all output. */
  secrets: string[];
}

/** Applies the precedence: --base-url > DATAFRAMER_BASE_URL > profile > default; DATAFRAMER_API_KEY > profile. */
export function resolveAuth(globals: { profile?: string; baseUrl?: string }, env: Env = process.env): ResolvedAuth {
  const path = configPath(env);
  const config = readConfig(path);
  const profile = globals.profile || env['DATAFRAMER_PROFILE'] || 'default';
  const stored = config.profiles[profile] ?? {};
  const envKey = env['DATAFRAMER_API_KEY'] || undefined;
  const secrets = [envKey, ...Object.values(config.profiles).map((p) => p?.api_key)].filter(
    (k): k is string => typeof k === 'string' && k.length > 0,
  );
  const apiKey = envKey ?? stored.api_key;
  const keySource = envKey
    ? 'environment variable DATAFRAMER_API_KEY'
    : stored.api_key
      ? `config file ${path}, profile "${profile}"`
      : undefined;
  let baseUrl = DEFAULT_BASE_URL;
  let baseUrlSource = 'default';
  if (globals.baseUrl) [baseUrl, baseUrlSource] = [globals.baseUrl, 'flag --base-url'];
  else if (env['DATAFRAMER_BASE_URL']) [baseUrl, baseUrlSource] = [env['DATAFRAMER_BASE_URL'], 'environment variable DATAFRAMER_BASE_URL'];
  else if (stored.base_url) [baseUrl, baseUrlSource] = [stored.base_url, `config file, profile "${profile}"`];
  // Both documented forms of the base URL (the server root, or it with /api/dataframer) are passed to the SDK as given.
  return { profile, apiKey, keySource, baseUrl, baseUrlSource, configPath: path, config, secrets };
}
