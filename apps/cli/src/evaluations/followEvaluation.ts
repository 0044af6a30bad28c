import { isEvaluationSuccess } from '@df/core/constants';
import type { Evaluation, NodeClient } from '@df/node';
import { CliError } from '../errors';
import { EXIT } from '../exitCodes';
import { shortDuration, statusText } from '../format';
import type { Session } from '../session';
import { createStatusLine } from '../statusLine';
import { scoreText } from './scoreText';

/** How `runs evaluate --wait` and `runs create --wait --evaluate` wait for an evaluation. */
export interface EvaluationGate {
  /** The lowest score (0 to 100) that passes; below it the command ends with exit 9. */
  minScore?: number | undefined;
  /** Ends the NDJSON stream of `runs create --wait --json` with an `evaluation` event. */
  json?: boolean | undefined;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * Waits for an evaluation to end: a status line redrawn on a terminal, a line per status change otherwise. Returns
 * the exit code: 0 with a score (at least `minScore`), 9 below it, 10 FAILED, 8 still running at --timeout, 130 on
 * Ctrl-C (the evaluation goes on on the server).
 */
export async function followEvaluation(s: Session, client: NodeClient, started: Evaluation, gate: EvaluationGate): Promise<number> {
  const { io, ctx } = s;
  const { id } = started;
  const line = createStatusLine(io, ctx.clock);
  const signal = s.interrupt();
  const timeout = s.remaining();
  const begun = ctx.clock.now();
  const see = `See it with: dataframer evaluations get ${id}`;
  let status = started.status;
  let spin = 0;
  const onProgress = (progress: { status: string; elapsedMs: number; terminal: boolean }) => {
    if (io.errTty) {
      line.update({
        head: `${io.errStyle.cyan(FRAMES[spin++ % FRAMES.length] ?? '')} ${statusText(io.errStyle, progress.status)}`,
        tail: ['evaluating'],
        // Dropped from the end while the line is wider than the terminal: the id was printed whole already.
        optional: [shortDuration(progress.elapsedMs), `evaluation ${id}`],
      });
    } else if (progress.status !== status && !progress.terminal) {
      io.info(`${progress.status} evaluation ${id}`);
    }
    status = progress.status;
  };
  let ended: Evaluation;
  try {
    ended = await client.evaluations.wait(id, { signal, onProgress, ...(timeout !== undefined && { timeoutMs: timeout }) });
  } catch (error) {
    line.clear();
    if (signal.aborted) {
      io.info(`Stopped waiting; evaluation ${id} goes on on the server. ${see}`);
      return EXIT.INTERRUPTED;
    }
    if ((error as { code?: string }).code === 'timeout' && timeout !== undefined) {
      io.info(`Evaluation ${id} is still ${status} after ${shortDuration(ctx.clock.now() - begun)}; it goes on on the server. ${see}`);
      return EXIT.RUN_PENDING;
    }
    throw error;
  }
  line.clear();
  const code = judge(s, ended, gate.minScore);
  if (gate.json) {
    const event = {
      type: 'evaluation',
      id,
      run_id: ended.run_id ?? null,
      status: ended.status,
      conformance_score: ended.conformance_score ?? null,
      min_score: gate.minScore ?? null,
      exit_code: code,
    };
    io.print(`${JSON.stringify(event)}\n`);
  }
  return code;
}

/** The outcome of an ended evaluation, said in one line on stderr, and the exit code it ends the command with. */
function judge(s: Session, evaluation: Evaluation, minScore: number | undefined): number {
  const { io } = s;
  const { id, status } = evaluation;
  const score = evaluation.conformance_score;
  const details = `Details: dataframer evaluations get ${id}`;
  if (!isEvaluationSuccess(status)) {
    const why = evaluation.error_message ? `: ${evaluation.error_message}` : '';
    io.info(`${io.errStyle.red('✗')} Evaluation ${id} ${status}${why}. ${details}`);
    return status === 'FAILED' ? EXIT.EVALUATION_FAILED : EXIT.ERROR;
  }
  if (typeof score !== 'number') {
    if (minScore !== undefined)
      throw new CliError(`evaluation ${id} ended ${status} without a score, so --min-score ${minScore} cannot be checked. ${details}`);
    io.info(`${io.errStyle.green('✓')} Evaluation ${id} ${status}, without a score. ${details}`);
    return EXIT.OK;
  }
  if (minScore !== undefined && score < minScore) {
    io.info(`${io.errStyle.red('✗')} Evaluation ${id} ${status}: score ${scoreText(score)}/100, below --min-score ${minScore}. ${details}`);
    return EXIT.SCORE_BELOW_MIN;
  }
  const passed = minScore === undefined ? '' : `, at least --min-score ${minScore}`;
  io.info(`${io.errStyle.green('✓')} Evaluation ${id} ${status}: score ${scoreText(score)}/100${passed}. ${details}`);
  return EXIT.OK;
}
