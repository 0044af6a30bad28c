import type { RunStatus } from '../rules';
import type { Timeline } from './createTimeline';
import { processingMs } from './lifecycle';
import type { LifecycleRun } from './state';

/** Where a run sits in time so that it shows a status at simulated time `at`. */
export interface Placement {
  fails: boolean;
  createdSim: number;
  canceledSim: number | null;
}

/**
 * Places a run so that it shows `status` at simulated time `at`: finished runs `ageMs` of wall-clock time
 * ago (or just past their end), PROCESSING and CANCELED ones `fraction` of the way through.
 */
export function placeRun(
  run: Pick<LifecycleRun, 'samples' | 'samplesPerSecond' | 'pendingMs' | 'failFraction'>,
  status: RunStatus,
  at: number,
  timeline: Timeline,
  { ageMs, fraction = 0.5 }: { ageMs?: number; fraction?: number } = {},
): Placement {
  const fails = status === 'FAILED';
  const into = run.pendingMs + fraction * processingMs(run);
  const aged = (simSpan: number): number => (ageMs === undefined ? at - simSpan : timeline.sim(timeline.real(at) - ageMs));
  switch (status) {
    case 'PENDING':
      return { fails, createdSim: at, canceledSim: null };
    case 'PROCESSING':
      return { fails, createdSim: at - into, canceledSim: null };
    case 'CANCELED': {
      const createdSim = aged(into + 1000);
      return { fails, createdSim, canceledSim: createdSim + into };
    }
    default:
      return { fails, createdSim: aged(run.pendingMs + (fails ? run.failFraction : 1) * processingMs(run) + 1000), canceledSim: null };
  }
}
