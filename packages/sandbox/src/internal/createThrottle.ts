/** A sliding-window request limit per client, as Django REST's SimpleRateThrottle keeps it. */
export interface Throttle {
  /** Counts a request of `client` at `now` (epoch ms) when the limit allows it; otherwise says how many seconds to wait. */
  take(client: string, now: number): { allowed: true } | { allowed: false; retryAfterSeconds: number };
  /** Forgets every request counted so far. */
  clear(): void;
}

/** Creates a throttle that allows `requests` per client within any `windowMs`. */
export function createThrottle({ requests, windowMs }: { requests: number; windowMs: number }): Throttle {
  const history = new Map<string, number[]>();
  return {
    take(client, now) {
      const recent = (history.get(client) ?? []).filter((at) => at > now - windowMs);
      history.set(client, recent);
      if (recent.length >= requests) {
        // Free again when the oldest counted request leaves the window.
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(((recent[0] as number) + windowMs - now) / 1000)) };
      }
      recent.push(now);
      return { allowed: true };
    },
    clear() {
      history.clear();
    },
  };
}
