// Parsers of flag values: each turns the text after a flag into the value the handler gets, or says what it expects.
import { InvalidArgumentError } from '@commander-js/extra-typings';
import { parseDuration } from '../duration';

/** Parser for a whole number in [min, max]. */
export function integer(min: number, max: number) {
  return (value: string): number => {
    if (!/^\s*-?\d+\s*$/.test(value)) throw new InvalidArgumentError(`Expected a whole number from ${min} to ${max}.`);
    const n = Number(value);
    if (n < min || n > max) throw new InvalidArgumentError(`Must be from ${min} to ${max}.`);
    return n;
  };
}

/** Parser for a duration such as 90s, 10m, 2h or 1d. */
export function duration(value: string): number {
  const ms = parseDuration(value);
  if (ms === undefined || ms <= 0) throw new InvalidArgumentError('Expected a duration such as 90s, 10m, 2h or 1d.');
  return ms;
}

/** Writes milliseconds back as the duration `duration` reads them as, in the largest whole unit (`90s`, `30m`). */
duration.toArg = (ms: number): string => {
  for (const unit of ['w', 'd', 'h', 'm', 's']) {
    const size = parseDuration(`1${unit}`) as number;
    if (ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms}ms`;
};

/** Parser for an amount of dollars above zero (`5`, `2.50`, `$20`). */
export function dollars(value: string): number {
  const n = Number(value.trim().replace(/^\$/, ''));
  if (!/\d/.test(value) || !Number.isFinite(n) || n <= 0)
    throw new InvalidArgumentError('Expected an amount of dollars above 0, such as 5 or 2.50.');
  return n;
}

/**
 * Parser for a minimum conformance score, on the API's scale of 0 to 100 (`80`, `72.5`, `80%`). A value between 0 and
 * 1 is refused rather than guessed at: `0.8` meant as 80% would otherwise make a gate that almost never fails.
 */
export function score(value: string): number {
  const text = value.trim().replace(/%$/, '');
  const n = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || n > 100) throw new InvalidArgumentError('Expected a score from 0 to 100, such as 80 or 72.5.');
  if (n > 0 && n < 1) {
    const percent = Number((n * 100).toFixed(6));
    throw new InvalidArgumentError(`Scores run from 0 to 100, not 0 to 1: for ${percent}%, give ${percent}.`);
  }
  return n;
}
