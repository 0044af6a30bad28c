import { makeSample } from './catalog';
import type { Timeline } from './createTimeline';
import { progress } from './lifecycle';
import { createRandom, hashSeed } from './random';
import type { GeneratedFileData, RunState } from './state';

/** One sample of a run by finish-time position, drawn from the seed, with its finish time in epoch seconds. */
export function sampleAt(
  run: RunState,
  position: number,
  seed: number,
  timeline: Timeline,
): { sample: Record<string, unknown>; finishTime: number } {
  const r = createRandom(hashSeed(`${run.id}:${position}`, seed));
  // Failed samples take their turn too, so the n-th completed sample finishes a little after the n-th processed one.
  const processedPosition = run.sampleFailRate > 0 ? Math.floor(position / (1 - run.sampleFailRate)) : position;
  const finishSim = run.pendingMs + ((processedPosition + 1) / run.samplesPerSecond) * 1000;
  return {
    sample: makeSample(run.spec.sampleKind, position, r.pick, r.int),
    finishTime: timeline.real(run.createdSim + finishSim) / 1000,
  };
}

/** Creates the generator of a run's files (`samples.jsonl` and `run_summary.json`), cached once the run is final. */
export function createGeneratedFiles(seed: number, timeline: Timeline) {
  const cache = new Map<string, GeneratedFileData[]>();
  return (run: RunState): GeneratedFileData[] => {
    const cached = cache.get(run.id);
    if (cached) return cached;
    const p = progress(run, timeline.sim());
    const lines: string[] = [];
    for (let i = 0; i < p.completed; i++) lines.push(JSON.stringify(sampleAt(run, i, seed, timeline).sample));
    const summary = {
      run_id: run.id,
      spec_id: run.spec.id,
      spec_version: run.specVersion,
      samples_completed: p.completed,
      samples_failed: p.failed,
      generation_model: run.params.generation_model,
    };
    const fileId = (path: string): string => createRandom(hashSeed(`${run.id}:${path}`, seed)).uuid();
    const files: GeneratedFileData[] = [
      { id: fileId('samples.jsonl'), path: 'samples.jsonl', fileType: 'jsonl', data: Buffer.from(`${lines.join('\n')}\n`) },
      {
        id: fileId('run_summary.json'),
        path: 'run_summary.json',
        fileType: 'json',
        data: Buffer.from(`${JSON.stringify(summary, null, 2)}\n`),
      },
    ];
    if (p.status === 'SUCCEEDED') cache.set(run.id, files);
    return files;
  };
}
