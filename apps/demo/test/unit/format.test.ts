import { describe, expect, it } from 'vitest';
import { formatBytes, formatCost, formatCount, formatDuration, formatExact, formatRelative } from '../../src/format';

describe('format', () => {
  it('shows an em dash for anything that is not a usable value', () => {
    for (const value of [null, undefined, 'x', Number.NaN, Infinity]) {
      expect(formatCount(value)).toBe('—');
      expect(formatCost(value)).toBe('—');
      expect(formatBytes(value)).toBe('—');
      expect(formatDuration(value)).toBe('—');
    }
    expect(formatRelative(null, 0)).toBe('—');
    expect(formatRelative('not a date', 0)).toBe('—');
    expect(formatExact(undefined)).toBe('—');
  });

  it('formats counts, dollars, sizes and durations', () => {
    expect(formatCount(20000)).toBe('20,000');
    expect(formatCost(0.4)).toBe('$0.40');
    expect(formatBytes(233)).toBe('233 B');
    expect(formatBytes(8000)).toBe('8 kB');
    expect(formatBytes(2_500_000)).toBe('2.5 MB');
    expect(formatDuration(150_000)).toBe('2 min 30 s');
    expect(formatDuration(3 * 3600_000 + 20 * 60_000)).toBe('3 h 20 min');
    expect(formatRelative('2026-01-01T10:00:00Z', Date.parse('2026-01-01T10:05:00Z'))).toBe('5 minutes ago');
  });
});
