import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Runs the built package (dist/) in a child process with --expose-gc, as the other deadline-after-gc proof does.
const fixture = fileURLToPath(new URL('./fixtures/download-after-gc.mjs', import.meta.url));
const runFixture = (engine: string) =>
  new Promise<{ error: string; message: string; elapsed: number; left: string[]; openSockets: number }>((resolve, reject) => {
    execFile(process.execPath, ['--expose-gc', fixture, engine], { timeout: 30_000 }, (error, stdout, stderr) =>
      error && !stdout ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
    );
  });

describe('a download’s deadline survives garbage collection', () => {
  it.each(['undici', 'node:http', 'global fetch'])(
    'a body that stalls half-way still ends at the deadline, saves nothing and closes its connection, through %s',
    async (engine) => {
      const result = await runFixture(engine);
      expect(result.error).toBe('TimeoutError');
      expect(result.message).toMatch(/200 of 1000 bytes had arrived; nothing was saved/);
      expect(result.elapsed).toBeGreaterThanOrEqual(2000 - 5);
      expect(result.elapsed).toBeLessThan(2000 + 500);
      expect(result.left).toEqual([]);
      expect(result.openSockets).toBe(0);
    },
    30_000,
  );
});
