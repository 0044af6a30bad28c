/** A conformance score as the CLI shows it: at most two decimals (`86.5`), so a score just under a limit never reads as the limit. */
export function scoreText(score: number | null | undefined): string {
  return typeof score === 'number' ? String(Number(score.toFixed(2))) : '-';
}
