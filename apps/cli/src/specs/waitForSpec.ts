import { isUsableSpecStatus, type NodeClient, type Spec } from '@df/node';
import { EXIT } from '../exitCodes';
import { shortDuration, statusText, tell } from '../format';
import type { Session } from '../session';
import { createStatusLine } from '../statusLine';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** Why a spec FAILED, from the field the server puts it in (its name is not documented; these are the likely ones). */
function failureOf(spec: Spec): string | undefined {
  const record = spec as Record<string, unknown>;
  const reason = record['error_message'] ?? record['error'] ?? record['failure_reason'];
  return typeof reason === 'string' && reason.trim() !== '' ? reason.trim() : undefined;
}

/**
 * Waits for a spec being generated, as `runs create --wait` waits for a run: a status line with the elapsed time on a
 * terminal; the outcome as one line. Returns 0 SUCCEEDED, 5 FAILED, 8 still generating at --timeout, 130 on Ctrl-C
 * (the spec goes on on the server in both cases).
 */
export async function waitForSpec(s: Session, client: NodeClient, id: string, name: string): Promise<number> {
  const { io, ctx } = s;
  const line = createStatusLine(io, ctx.clock);
  const signal = s.interrupt();
  const started = ctx.clock.now();
  const timeout = s.remaining();
  const named = `"${name}" (${id})`;
  let status = 'PROCESSING';
  let spin = 0;
  try {
    const spec = await client.specs.wait(id, {
      signal,
      ...(timeout !== undefined && { timeoutMs: timeout }),
      onProgress: (progress) => {
        status = progress.status;
        line.update({
          head: `${io.errStyle.cyan(FRAMES[spin++ % FRAMES.length] ?? '')} ${statusText(io.errStyle, progress.status)}`,
          tail: [`spec "${name}"`],
          optional: [shortDuration(progress.elapsedMs)],
        });
      },
    });
    line.clear();
    const took = shortDuration(ctx.clock.now() - started);
    if (isUsableSpecStatus(spec.status)) {
      tell(
        io,
        `${io.errStyle.green('✓')} Spec ${named} ${spec.status} in ${took}. Start a run with: dataframer runs create --spec ${id} --samples N`,
      );
      return EXIT.OK;
    }
    const reason = failureOf(spec);
    tell(io, `${io.errStyle.red('✗')} Spec ${named} ${spec.status ?? 'FAILED'} after ${took}${reason ? `: ${reason}` : ''}`);
    return EXIT.RUN_FAILED;
  } catch (error) {
    line.clear();
    if (signal.aborted) {
      tell(io, `Stopped waiting; spec ${named} goes on being generated on the server. Check it with: dataframer specs get ${id}`);
      return EXIT.INTERRUPTED;
    }
    if ((error as { code?: string }).code === 'timeout' && timeout !== undefined) {
      tell(
        io,
        `Spec ${named} is still ${status} after ${shortDuration(ctx.clock.now() - started)}; it goes on being generated on the server. Check it with: dataframer specs get ${id}`,
      );
      return EXIT.RUN_PENDING;
    }
    throw error;
  }
}
