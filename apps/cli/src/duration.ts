const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Parses `90s`, `10m`, `2h`, `3d`, `1w`, `500ms` (a bare number means seconds) into milliseconds; undefined when invalid. */
export function parseDuration(text: string, bareUnit = 's'): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)?$/i.exec(text.trim());
  if (!match) return undefined;
  const factor = UNITS[(match[2] ?? bareUnit).toLowerCase()];
  return factor === undefined ? undefined : Math.round(Number(match[1]) * factor);
}
