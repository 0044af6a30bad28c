import { createInterface } from 'node:readline';
import type { Context } from './context';
import { CliError } from './errors';
import { EXIT } from './exitCodes';

/** Asks a yes/no question on stderr and reads the answer from stdin; only `y` or `yes` confirm. */
export async function confirm(ctx: Context, question: string): Promise<boolean> {
  const input = ctx.stdin.stream();
  const rl = createInterface({ input, terminal: false });
  ctx.stderr.write(question);
  try {
    const answer = await new Promise<string>((resolve) => {
      rl.once('close', () => resolve(''));
      rl.once('line', resolve);
    });
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

/** Reads a secret: without echo from a terminal, or the first line of piped stdin. */
export async function readSecret(ctx: Context, question: string): Promise<string> {
  const stdin = ctx.stdin.stream();
  if (!ctx.stdin.isTTY || !stdin.setRawMode) {
    const chunks: string[] = [];
    stdin.setEncoding('utf8');
    for await (const chunk of stdin) chunks.push(chunk as string);
    return (
      chunks
        .join('')
        .split(/\r?\n/)
        .find((line) => line.trim() !== '') ?? ''
    ).trim();
  }
  ctx.stderr.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding('utf8');
  stdin.resume();
  try {
    return await new Promise<string>((resolve, reject) => {
      let value = '';
      const onData = (chunk: string) => {
        for (const ch of chunk) {
          if (ch === '\r' || ch === '\n' || ch === '\u0004') {
            stdin.off('data', onData);
            ctx.stderr.write('\n');
            resolve(value.trim());
            return;
          }
          if (ch === '\u0003') {
            stdin.off('data', onData);
            ctx.stderr.write('\n');
            reject(new CliError('interrupted', EXIT.INTERRUPTED));
            return;
          }
          if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
          else if (ch >= ' ') value += ch;
        }
      };
      stdin.on('data', onData);
    });
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
  }
}
