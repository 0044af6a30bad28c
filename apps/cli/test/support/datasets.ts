import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runIn, tempDir } from './cli';

/** A CSV of a header and `rows` rows. */
export const csv = (rows: number) => `ticket,priority\n${Array.from({ length: rows }, (_, i) => `Ticket ${i},high`).join('\n')}\n`;

/** Uploads a small CSV as a SINGLE_FILE dataset named `name` and returns its id. */
export async function newDataset(env: Record<string, string>, name: string, description?: string): Promise<string> {
  const cwd = tempDir('dataframer-dataset-');
  writeFileSync(join(cwd, 'tickets.csv'), csv(3));
  const args = ['datasets', 'create', name, 'tickets.csv', ...(description === undefined ? [] : ['--description', description])];
  const made = await runIn(args, { env, cwd });
  expect(made.code, made.stderr).toBe(0);
  return made.stdout.trim();
}
