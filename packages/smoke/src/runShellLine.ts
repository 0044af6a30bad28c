import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { stripVTControlCharacters } from 'node:util';

/** How a shell line ended: its exit code (null when it was stopped), everything it printed, and how long it took. */
export interface ShellRun {
  code: number | null;
  /** stdout and stderr interleaved as they arrived, without colours (for a stopped line, up to where it was stopped). */
  output: string;
  ms: number;
  /** Why it was stopped, when it was: the marker was seen, or the time ran out. */
  stopped?: 'marker' | 'timeout';
  /** The shell ended on its own but left processes of its group running (they are stopped too). */
  leftRunning?: string[];
}

/** Options of {@link runShellLine}. */
export interface ShellOptions {
  cwd: string;
  /** The whole environment (nothing is inherited). */
  env: Record<string, string | undefined>;
  timeoutMs: number;
  /** Stop the line (its whole process group) as soon as its output matches this. */
  until?: RegExp;
}

/**
 * The living processes of a process group, by command name (Linux's /proc; a zombie waiting to be reaped is not
 * living, and `kill -0` would count it).
 */
function members(group: number): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    // "pid (comm) state ppid pgrp …": the command name may hold spaces and parentheses.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === group && state !== 'Z') found.push(stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
  }
  return found;
}

function signalGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-group, signal);
  } catch {
    // The group is gone already.
  }
}

async function waitForGroup(group: number, ms: number): Promise<boolean> {
  for (let waited = 0; waited < ms; waited += 100) {
    if (members(group).length === 0) return true;
    await sleep(100);
  }
  return members(group).length === 0;
}

/** Ends every process of the group: SIGTERM, then SIGKILL for whatever is left after five seconds. */
async function stopGroup(group: number): Promise<void> {
  signalGroup(group, 'SIGTERM');
  if (await waitForGroup(group, 5000)) return;
  signalGroup(group, 'SIGKILL');
  if (!(await waitForGroup(group, 5000))) throw new Error(`process group ${group} outlived SIGKILL: ${members(group).join(', ')}`);
}

/**
 * Runs one line with `sh -c`, as a user types it, in a process group of its own (stdin stays open and empty, as a
 * terminal nobody types into). It ends on its own, or is stopped with every process it started once its output
 * matches `until` or the time runs out; no process of it is left once this resolves.
 */
export function runShellLine(line: string, options: ShellOptions): Promise<ShellRun> {
  const started = Date.now();
  const child = spawn('/bin/sh', ['-c', line], { cwd: options.cwd, env: options.env, detached: true, stdio: 'pipe' });
  const group = child.pid;
  if (group === undefined) return Promise.reject(new Error(`could not start /bin/sh for: ${line}`));
  let raw = '';
  let stopped: ShellRun['stopped'];
  let stopping: Promise<void> | undefined;
  const stop = (why: NonNullable<ShellRun['stopped']>): void => {
    if (stopping) return;
    stopped = why;
    stopping = stopGroup(group);
  };
  const timer = setTimeout(() => stop('timeout'), options.timeoutMs);
  const take = (chunk: string): void => {
    // What a stopped line prints while it dies is about the stopping, not about the line.
    if (stopping) return;
    raw += chunk;
    if (options.until?.test(stripVTControlCharacters(raw))) stop('marker');
  };
  child.stdout.setEncoding('utf8').on('data', take);
  child.stderr.setEncoding('utf8').on('data', take);
  return new Promise((resolve, reject) => {
    child.on('close', async (code) => {
      clearTimeout(timer);
      let leftRunning: string[] = [];
      if (!stopping) {
        // The shell is gone; what it started should be too, once its last processes have finished exiting.
        if (!(await waitForGroup(group, 2000))) leftRunning = members(group);
        if (leftRunning.length > 0) stopping = stopGroup(group);
      }
      try {
        await stopping;
      } catch (error) {
        reject(error);
        return;
      }
      resolve({
        code: stopped ? null : code,
        output: stripVTControlCharacters(raw),
        ms: Date.now() - started,
        ...(stopped && { stopped }),
        ...(leftRunning.length > 0 && { leftRunning }),
      });
    });
  });
}
