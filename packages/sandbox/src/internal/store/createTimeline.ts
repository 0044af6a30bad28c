/** Simulated time: runs progress on it, so the time scale can change (or time jump ahead) without losing progress. */
export interface Timeline {
  /** The current time scale. */
  speed(): number;
  setSpeed(speed: number): void;
  /** Moves simulated time forward by `ms`. */
  advance(ms: number): void;
  /** Simulated epoch ms at wall-clock time `real` (default now). */
  sim(real?: number): number;
  /** The wall-clock time at which simulated time reaches `sim`. */
  real(sim: number): number;
}

interface Segment {
  real: number;
  sim: number;
  speed: number;
}

/** Creates a timeline equal to the wall clock at its start, running `speed` times as fast. */
export function createTimeline(now: () => number, speed: number): Timeline {
  const start = now();
  // Piecewise linear and increasing; the first segment also covers times before the start (seeded runs).
  const segments: Segment[] = [{ real: start, sim: start, speed }];
  const last = (): Segment => segments[segments.length - 1] as Segment;
  const sim = (real: number = now()): number => {
    let seg = segments[0] as Segment;
    for (const s of segments) if (s.real <= real) seg = s;
    return seg.sim + (real - seg.real) * seg.speed;
  };
  return {
    speed: () => last().speed,
    setSpeed(next) {
      const at = now();
      segments.push({ real: at, sim: sim(at), speed: next });
    },
    advance(ms) {
      const at = now();
      segments.push({ real: at, sim: sim(at) + ms, speed: last().speed });
    },
    sim,
    real(target) {
      let index = 0;
      segments.forEach((s, i) => {
        if (s.sim <= target) index = i;
      });
      const seg = segments[index] as Segment;
      const real = seg.real + (target - seg.sim) / seg.speed;
      // A moment skipped by advance() happened when the jump was made.
      const next = segments[index + 1];
      return next && real > next.real ? next.real : real;
    },
  };
}
