import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATASET_LIMITS } from '@df/core/constants';
import { zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { plain, runIn, tempDir } from '../../../../test/support/cli';
import { found, itPrintedNoKey, useSandbox } from '../../../../test/support/sandbox';

vi.setConfig({ testTimeout: 30_000 });

const fast = useSandbox({ seed: 7, speed: 1000, failureRate: 0 });

/** A CSV of a header and `rows` rows. */
const csv = (rows: number) => `ticket,priority\n${Array.from({ length: rows }, (_, i) => `Ticket ${i},high`).join('\n')}\n`;

/** A folder of files in a fresh temp folder; returns the folder. */
function filesIn(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir('dataframer-dataset-');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** The dataset creates the sandbox received. */
const uploads = () => fast.sandbox.requests().filter((r) => r.method === 'POST' && r.path.includes('datasets')).length;

/** The dataset as `datasets get --json` shows it. */
async function dataset(
  id: string,
): Promise<{ name: string; dataset_type: string; file_count: number; folder_count: number; description: string | null }> {
  const got = await runIn(['datasets', 'get', id, '--json', 'name,dataset_type,file_count,folder_count,description'], { env: fast.env });
  expect(got.code, got.stderr).toBe(0);
  return JSON.parse(got.stdout);
}

describe('datasets create', () => {
  it('uploads one CSV as SINGLE_FILE: only the new id on stdout, one confirmation line on stderr', async () => {
    const cwd = filesIn({ 'tickets.csv': csv(5) });
    const { code, stdout, stderr } = await runIn(['datasets', 'create', 'Tickets one', 'tickets.csv', '--description', 'Five tickets'], {
      env: fast.env,
      cwd,
    });
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^[0-9a-f-]{36}\n$/);
    const id = stdout.trim();
    expect(stderr).toMatch(new RegExp(`^✓ Created dataset "Tickets one" \\(${id}\\): SINGLE_FILE, 1 file, \\d+ B\\n$`));
    expect(await dataset(id)).toMatchObject({
      name: 'Tickets one',
      dataset_type: 'SINGLE_FILE',
      file_count: 1,
      description: 'Five tickets',
    });
  });

  it('infers MULTI_FILE from several files and MULTI_FOLDER from --folder, in name order, hidden files left out with a note', async () => {
    const cwd = filesIn({
      'a.md': '# A',
      'b.txt': 'B',
      'chats/billing/2.txt': 'second',
      'chats/billing/1.txt': 'first',
      'chats/billing/.DS_Store': 'x',
      'chats/shipping/1.txt': 'one',
    });
    const multi = await runIn(['datasets', 'create', 'Docs two', 'a.md', 'b.txt'], { env: fast.env, cwd });
    expect(multi.code, multi.stderr).toBe(0);
    expect(multi.stderr).toContain(': MULTI_FILE, 2 files, ');
    expect(await dataset(multi.stdout.trim())).toMatchObject({ dataset_type: 'MULTI_FILE', file_count: 2 });

    const folders = await runIn(['datasets', 'create', 'Chats two', '--folder', 'chats/billing', '--folder', 'chats/shipping/'], {
      env: fast.env,
      cwd,
    });
    expect(folders.code, folders.stderr).toBe(0);
    expect(folders.stderr).toContain('note: left out the hidden file chats/billing/.DS_Store\n');
    expect(folders.stderr).toContain(': MULTI_FOLDER, 3 files in 2 folders, ');
    const id = folders.stdout.trim();
    expect(await dataset(id)).toMatchObject({ dataset_type: 'MULTI_FOLDER', file_count: 3, folder_count: 2 });
    const files = JSON.parse((await runIn(['datasets', 'get', id, '--json', 'files'], { env: fast.env })).stdout).files as Array<{
      path: string;
    }>;
    // Each folder's files in name order, as the server keeps them.
    expect(files.map((f) => f.path)).toEqual(['billing/1.txt', 'billing/2.txt', 'shipping/1.txt']);
  });

  it('--zip creates the dataset from one ZIP, and takes no FILE arguments, --folder or --type', async () => {
    const zip = zipSync({ 'a.txt': new TextEncoder().encode('A'), 'b.txt': new TextEncoder().encode('B') });
    const cwd = filesIn({ 'docs.zip': zip, 'c.txt': 'C' });
    const made = await runIn(['datasets', 'create', 'Zipped docs', '--zip', 'docs.zip', '--json', 'name,dataset_type,file_count'], {
      env: fast.env,
      cwd,
    });
    expect(made.code, made.stderr).toBe(0);
    expect(JSON.parse(made.stdout)).toEqual({ name: 'Zipped docs', dataset_type: 'MULTI_FILE', file_count: 2 });
    expect(made.stderr).toMatch(/^✓ Created dataset "Zipped docs" \([0-9a-f-]{36}\): MULTI_FILE, 2 files, \d+ B\n$/);
    const before = uploads();
    for (const extra of [['c.txt'], ['--folder', '.'], ['--type', 'MULTI_FILE']]) {
      const refused = await runIn(['datasets', 'create', 'Zipped again', '--zip', 'docs.zip', ...extra], { env: fast.env, cwd });
      expect(refused.code, extra.join(' ')).toBe(2);
      expect(refused.stderr, extra.join(' ')).toMatch(/^error: .*--zip/);
    }
    expect(uploads()).toBe(before);
  });

  it('lists every problem at once, one a line, naming each file as typed, exits 2 and sends nothing', async () => {
    const limits = DATASET_LIMITS.MULTI_FILE;
    const cwd = filesIn({ 'ok.txt': 'fine', 'tool.exe': 'MZ', 'big.txt': 'x'.repeat(limits.maxFileBytes + 1) });
    const before = uploads();
    const result = await runIn(['datasets', 'create', 'Too much', 'ok.txt', 'tool.exe', 'big.txt'], { env: fast.env, cwd });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('error: the files do not fit a MULTI_FILE dataset (2 problems); nothing was uploaded:');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^ {2}tool\.exe: \.exe is not a format MULTI_FILE takes/);
    expect(lines[2]).toBe(
      `  big.txt: ${limits.maxFileBytes + 1} bytes, over the ${limits.maxFileBytes / 1024 / 1024} MiB a MULTI_FILE file may hold`,
    );

    const missing = await runIn(['datasets', 'create', 'Missing', 'nope.csv', '.', 'ok.txt'], { env: fast.env, cwd });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      'error: 2 problems; nothing was uploaded:\n  nope.csv: no such file\n  .: is a directory (a folder of a MULTI_FOLDER dataset is given with --folder .)\n',
    );
    expect(uploads()).toBe(before);
  });

  it('refuses what cannot make a dataset before reading a file: no files, MULTI_FOLDER without --folder, an empty name, --json without fields', async () => {
    const cwd = filesIn({ 'a.txt': 'A', 'b.txt': 'B', 'empty/.keep': '' });
    const before = uploads();
    for (const [args, message] of [
      [['Nothing'], 'give the files to upload'],
      [['Folders', 'a.txt', 'b.txt', '--type', 'MULTI_FOLDER'], 'takes its folders from --folder DIR'],
      [['Both', 'a.txt', '--folder', 'empty'], 'either as FILE arguments or with --folder DIR, not both'],
      [['Empty folder', '--folder', 'empty', '--folder', 'missing'], 'empty: holds no files'],
      [[' ', 'a.txt'], 'the dataset name is empty'],
      [['Fields', 'a.txt', '--json'], 'Available fields'],
      [['Kind', 'a.txt', '--type', 'SOME_FILES'], "argument 'SOME_FILES' is invalid"],
    ] as const) {
      const result = await runIn(['datasets', 'create', ...args], { env: fast.env, cwd });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain(message);
      expect(result.stdout).toBe('');
    }
    expect(uploads()).toBe(before);
  });

  it('draws the upload on a terminal (bytes of the total, percentage) and ends with the confirmation alone; no bar when piped', async () => {
    const cwd = filesIn({ 'tickets.csv': csv(20_000) });
    const tty = await runIn(['datasets', 'create', 'Tickets drawn', 'tickets.csv'], {
      env: fast.env,
      cwd,
      tty: { stderr: true, columns: 60 },
    });
    expect(tty.code, tty.stderr).toBe(0);
    const frames = tty.stderr.split('\r\x1b[2K');
    const drawn = frames.filter((frame) => frame.startsWith('Uploading 1 file'));
    expect(drawn.length).toBeGreaterThan(0);
    for (const frame of drawn) {
      expect(plain(frame)).toMatch(/^Uploading 1 file [█░]+ +\d+% · \d+(\.\d)? [kM]?B of \d+(\.\d)? [kM]?B/);
      expect([...plain(frame)].length).toBeLessThan(60);
    }
    // The confirmation wraps between words at the terminal's width; the id stays whole.
    const last = plain(found(frames.at(-1), 'the last frame'));
    for (const line of last.trimEnd().split('\n')) expect([...line].length, line).toBeLessThanOrEqual(60);
    expect(last.replace(/\n(?!$)/g, ' ')).toMatch(
      /^✓ Created dataset "Tickets drawn" \([0-9a-f-]{36}\): SINGLE_FILE, 1 file, \d+(\.\d)? [kM]?B\n$/,
    );
    const piped = await runIn(['datasets', 'create', 'Tickets piped', 'tickets.csv'], { env: fast.env, cwd });
    expect(piped.code).toBe(0);
    expect(piped.stderr).not.toContain('\r');
    expect(piped.stderr.split('\n')).toHaveLength(2);
  });

  it('says so on stderr when the answer was lost and the SDK found the dataset by its name', async () => {
    const cwd = filesIn({ 'tickets.csv': csv(3) });
    const fault = fast.sandbox.faults.add({ method: 'POST', path: '/seed-datasets/create/', kind: 'drop-after-act', nth: [1] });
    try {
      const result = await runIn(['datasets', 'create', 'Tickets recovered', 'tickets.csv'], { env: fast.env, cwd });
      expect(result.code, result.stderr).toBe(0);
      const id = result.stdout.trim();
      const lines = result.stderr.trimEnd().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toContain(id);
      expect(lines[1]).toMatch(/^✓ Created dataset "Tickets recovered"/);
      const named = JSON.parse((await runIn(['datasets', 'list', '--json', 'id,name'], { env: fast.env })).stdout).filter(
        (d: { name: string }) => d.name === 'Tickets recovered',
      );
      expect(named.map((d: { id: string }) => d.id)).toEqual([id]);
    } finally {
      fast.sandbox.faults.remove(fault);
    }
  });

  it('a name the server already holds is its error, with nothing created twice', async () => {
    const cwd = filesIn({ 'tickets.csv': csv(3) });
    const first = await runIn(['datasets', 'create', 'Tickets twice', 'tickets.csv'], { env: fast.env, cwd });
    expect(first.code).toBe(0);
    const second = await runIn(['datasets', 'create', 'Tickets twice', 'tickets.csv'], { env: fast.env, cwd });
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/^error: 400 .*already exists/);
    expect(second.stdout).toBe('');
    const named = JSON.parse((await runIn(['datasets', 'list', '--json', 'id,name'], { env: fast.env })).stdout).filter(
      (d: { name: string }) => d.name === 'Tickets twice',
    );
    expect(named.map((d: { id: string }) => d.id)).toEqual([first.stdout.trim()]);
  });
});

itPrintedNoKey(fast);
