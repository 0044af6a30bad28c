import type { Context } from './context';
import { CliError } from './errors';
import { EXIT } from './exitCodes';

/** A whole id: a UUID. */
export const FULL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads an id argument; `-` reads the first word of the first non-empty line of stdin. */
export async function readId(ctx: Context, arg: string, what = 'run id'): Promise<string> {
  if (arg !== '-') {
    if (arg.trim() === '') throw new CliError(`the ${what} is empty`, EXIT.USAGE);
    return arg.trim();
  }
  const stdin = ctx.stdin.stream();
  const id = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    const finish = (value: string) => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.off('error', reject);
      stdin.pause();
      resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      buffer += chunk.toString();
      const line = buffer.split('\n').find((l, i, all) => l.trim() !== '' && i < all.length - 1);
      if (line !== undefined) finish(line.trim().split(/\s+/)[0] ?? '');
    };
    const onEnd = () => finish(buffer.trim().split(/\s+/)[0] ?? '');
    stdin.setEncoding('utf8');
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.on('error', reject);
  });
  if (!id) throw new CliError(`expected a ${what} on stdin (for "-"), but stdin was empty`, EXIT.USAGE);
  return id;
}
