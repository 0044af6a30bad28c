import { OutcomeUnknownError, type Evaluation, type NodeClient } from '@df/node';
import { CliError } from '../errors';
import { EXIT } from '../exitCodes';
import type { Session } from '../session';

/**
 * Starts an evaluation of a SUCCEEDED run and confirms it with one line on stderr. A request whose answer was lost
 * may have started one: the error says how to look.
 */
export async function startEvaluation(s: Session, client: NodeClient, runId: string, model: string | undefined): Promise<Evaluation> {
  const { io } = s;
  let evaluation: Evaluation;
  try {
    evaluation = await client.evaluations.create({ run_id: runId, ...(model !== undefined && { evaluation_model: model }) }, s.call());
  } catch (error) {
    if (error instanceof OutcomeUnknownError) {
      throw new CliError(
        `the request to evaluate run ${runId} was sent, but its answer was lost (${error.message}); an evaluation may have started. Look before starting another: dataframer evaluations list ${runId}`,
        EXIT.ERROR,
        { cause: error },
      );
    }
    throw error;
  }
  io.info(`${io.errStyle.green('✓')} Started evaluation ${evaluation.id} of run ${runId}${model === undefined ? '' : ` with ${model}`}`);
  return evaluation;
}
