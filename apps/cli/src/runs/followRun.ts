import {
  CostLimitError,
  isTerminalStatus,
  runProgress,
  type NodeClient,
  type RunDetail,
  type RunProgress,
  type TerminalRunStatus,
} from '@df/node';
import { EXIT } from '../exitCodes';
import { counted, money, moneyApart, moneyExact, shortDuration, statusText, tell } from '../format';
import { errorLine } from '../reportError';
import type { Session } from '../session';
import { bar, createStatusLine } from '../statusLine';

/** How `runs watch` and `runs create --wait` follow a run. */
export interface FollowOptions {
  interval?: number | undefined;
  json?: boolean | undefined;
  /** Dollars: the run is canceled once its `total_cost` passes this (exit 7). */
  maxCost?: number | undefined;
}

/** The exit code a finished run ends `watch` with, for each status after which a run never changes. */
const EXIT_FOR: Record<TerminalRunStatus, number> = { SUCCEEDED: EXIT.OK, FAILED: EXIT.RUN_FAILED, CANCELED: EXIT.RUN_CANCELED };

/** One progress event, as `--json` prints it. */
interface Snapshot {
  id: string;
  status: string;
  completed: number;
  failed: number;
  requested: number | null;
  fraction: number | null;
  total_cost: number | null;
  elapsed_ms: number;
  eta_ms: number | null;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** Progress in words; its cost with the decimals that tell it from `limit` when one was passed. */
function describe(x: Snapshot, limit?: number): string {
  const cost = limit === undefined ? money(x.total_cost) : moneyApart(x.total_cost, limit);
  return `${x.completed}${x.requested ? `/${x.requested}` : ''} done, ${x.failed} failed, ${cost}`;
}

/** How long the run itself took, from its own timestamps; how long it was watched when they are missing. */
function took(run: RunDetail, watchedMs: number): string {
  const ran = Date.parse(run.completed_at ?? '') - Date.parse(run.created_at ?? '');
  return Number.isFinite(ran) && ran >= 0 ? `ran for ${shortDuration(ran)}` : `watched for ${shortDuration(watchedMs)}`;
}

/**
 * Follows a run to the end: a progress line redrawn on a terminal, a line per status change otherwise,
 * NDJSON events with `--json`. Returns the exit code: 0 SUCCEEDED, 5 FAILED, 6 CANCELED, 7 canceled because
 * its cost passed --max-cost, 8 still running at --timeout, 130 on Ctrl-C (the run goes on on the server).
 */
export async function followRun(s: Session, client: NodeClient, id: string, o: FollowOptions): Promise<number> {
  const { io, ctx } = s;
  const clock = ctx.clock;
  const line = createStatusLine(io, clock);
  const signal = s.interrupt();
  const started = clock.now();
  const timeout = s.remaining();
  let first: { t: number; done: number } | undefined;
  let lastEvent = '';
  let lastStatus = '';
  let lastLineAt = 0;
  let last: Snapshot | undefined;
  let spin = 0;

  const snapshot = (p: RunProgress): Snapshot => {
    const now = clock.now();
    const done = p.completed + p.failed;
    if (p.status === 'PROCESSING' && !first) first = { t: now, done };
    let eta: number | null = null;
    if (first && p.requested && done > first.done && now > first.t) {
      eta = Math.max(0, ((p.requested - done) * (now - first.t)) / (done - first.done));
    }
    return {
      id,
      status: p.status,
      completed: p.completed,
      failed: p.failed,
      requested: p.requested ?? null,
      fraction: p.fraction ?? null,
      total_cost: p.total_cost ?? null,
      elapsed_ms: now - started,
      eta_ms: p.terminal ? 0 : eta === null ? null : Math.round(eta),
    };
  };

  const onProgress = (p: RunProgress) => {
    const x = snapshot(p);
    last = x;
    if (o.json) {
      const key = `${x.status}|${x.completed}|${x.failed}|${x.total_cost}`;
      if (key !== lastEvent && !p.terminal) io.print(`${JSON.stringify({ type: 'progress', ...x })}\n`);
      lastEvent = key;
      return;
    }
    if (io.errTty) {
      const pct = x.fraction === null ? '' : ` ${String(Math.floor(x.fraction * 100)).padStart(3)}%`;
      line.update({
        head: `${io.errStyle.cyan(FRAMES[spin++ % FRAMES.length] ?? '')} ${statusText(io.errStyle, x.status)}`,
        bar: (width) => `${bar(x.fraction ?? 0, width)}${pct}`,
        tail: [`${x.completed}${x.requested ? `/${x.requested}` : ''} done`],
        // Dropped from the end while the line is wider than the terminal.
        optional: [
          `${x.failed} failed`,
          money(x.total_cost),
          x.eta_ms === null ? '' : `ETA ${shortDuration(x.eta_ms)}`,
          shortDuration(x.elapsed_ms),
        ].filter(Boolean),
      });
    } else if (x.status !== lastStatus || clock.now() - lastLineAt >= 10_000) {
      if (!p.terminal) io.info(`${x.status} ${describe(x)}`);
      lastLineAt = clock.now();
    }
    lastStatus = x.status;
  };

  try {
    const run: RunDetail = await client.runs.wait(id, {
      signal,
      onProgress,
      ...(timeout !== undefined && { timeoutMs: timeout }),
      ...(o.interval !== undefined && { intervalMs: o.interval }),
      // The SDK checks total_cost at every poll and cancels the run at the first one over the limit.
      ...(o.maxCost !== undefined && { maxCost: o.maxCost, onMaxCost: 'cancel' as const }),
    });
    line.clear();
    const code = isTerminalStatus(run.status) ? EXIT_FOR[run.status] : EXIT.ERROR;
    const x = last ?? snapshot(runProgress(run));
    if (o.json) io.print(`${JSON.stringify({ type: 'result', ...x, exit_code: code })}\n`);
    const duration = took(run, clock.now() - started);
    if (run.status === 'SUCCEEDED') {
      const partial = x.failed > 0 ? ` (partial: ${counted(x.failed, 'sample')} failed)` : '';
      tell(io, `${io.errStyle.green('✓')} Run ${id} SUCCEEDED: ${describe(x)}, ${duration}${partial}`);
    } else if (run.status === 'FAILED') {
      tell(io, `${io.errStyle.red('✗')} Run ${id} FAILED: ${describe(x)}, ${duration}`);
    } else {
      tell(io, `${io.errStyle.dim('-')} Run ${id} CANCELED: ${describe(x)}, ${duration}`);
    }
    return code;
  } catch (error) {
    line.clear();
    const e = error as { code?: string };
    if (signal.aborted) {
      if (o.json && last) io.print(`${JSON.stringify({ type: 'interrupted', ...last, exit_code: EXIT.INTERRUPTED })}\n`);
      tell(io, `Stopped watching; run ${id} goes on on the server. Resume with: dataframer runs watch ${id}`);
      return EXIT.INTERRUPTED;
    }
    if (error instanceof CostLimitError) return costLimitReached(s, id, error as CostLimitError<RunDetail>, o, snapshot);
    if (e.code === 'timeout' && timeout !== undefined) {
      if (o.json) io.print(`${JSON.stringify({ type: 'timeout', ...(last ?? { id }), exit_code: EXIT.RUN_PENDING })}\n`);
      tell(
        io,
        `Run ${id} is still ${last?.status ?? 'running'} after ${shortDuration(clock.now() - started)}${last ? ` (${describe(last)})` : ''}; it goes on on the server. Resume with: dataframer runs watch ${id}`,
      );
      return EXIT.RUN_PENDING;
    }
    throw error;
  }
}

/** What `--max-cost` ends a watch with, told from the error's fields (the run as last seen, whether it was canceled). */
function costLimitReached(
  s: Session,
  id: string,
  error: CostLimitError<RunDetail>,
  o: FollowOptions,
  snapshot: (p: RunProgress) => Snapshot,
): number {
  const { io } = s;
  const x = snapshot(runProgress(error.last));
  const limit = moneyExact(error.maxCost);
  const cost = moneyApart(x.total_cost, error.maxCost);
  const progress = describe(x, error.maxCost);
  const ended = isTerminalStatus(error.last.status);
  // A failed cancel leaves the run spending: that is an error the user must act on, not the guard's outcome.
  const code = error.canceled || ended ? EXIT.COST_LIMIT : EXIT.ERROR;
  if (o.json)
    io.print(`${JSON.stringify({ type: 'cost_limit', ...x, max_cost: error.maxCost, canceled: error.canceled, exit_code: code })}\n`);
  if (error.canceled) {
    tell(io, `${io.errStyle.red('✗')} Run ${id} passed the ${limit} limit of --max-cost at ${cost} and was canceled: ${progress}`);
  } else if (ended) {
    tell(io, `${io.errStyle.red('✗')} Run ${id} ended ${error.last.status} at ${cost}, over the ${limit} limit of --max-cost: ${progress}`);
  } else {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    tell(
      io,
      errorLine(
        io,
        `run ${id} passed the ${limit} limit of --max-cost at ${cost}, but canceling it failed${cause}. It may still be running and costing money; cancel it with: dataframer runs cancel ${id}`,
      ),
    );
  }
  return code;
}
