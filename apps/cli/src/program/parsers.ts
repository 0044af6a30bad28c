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
