// Every command README.md and CONTRIBUTING.md name, as a newcomer meets it: in a fresh clone (no node_modules, no
// dist), with Node and npm on PATH and no pnpm. The documents are the source of truth: a command they name has a row
// below saying how it is checked, and a row whose command they no longer name fails too.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../../apps/cli/src/exitCodes';
import { documentedCommands } from '../src/documentedCommands';
import { NPM_INSTALL_FLAGS } from '../src/consumer';
import { baseEnv, execOk } from '../src/exec';
import { runShellLine, type ShellRun } from '../src/runShellLine';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Where the commands run: the clone, and a temp folder for whatever else they need (removed with the clone). */
interface Here {
  clone: string;
  temp: string;
}

interface Ran {
  /** The command as run, when the row adds to it or changes it. */
  line?: (command: string, here: Here) => string;
  /** Variables added to the environment every command gets. */
  env?: (here: Here) => Record<string, string>;
  timeoutMs?: number;
}

/** Run to completion; the exit code is `code` (0 unless said). */
interface Exit extends Ran {
  how: 'exit';
  code?: number;
  /** Checks beyond the exit code and the output every command is held to. */
  after?: (run: ShellRun, here: Here) => Promise<void> | void;
}

/** Started, and stopped with its whole process group once its output matches `marker`: its first real step. */
interface Until extends Ran {
  how: 'until';
  /** The first real step, in words. */
  step: string;
  marker: RegExp;
}

interface NotRun {
  how: 'not run';
  why: string;
}

type Row = Exit | Until | NotRun;

/** What no command may print: turbo not finding pnpm or talking of telemetry, a missing program, a pnpm failure. */
const NEVER = [
  'Unable to find package manager binary',
  'Turborepo now collects',
  'telemetry',
  'command not found',
  'ERR_PNPM',
  'ELIFECYCLE',
];

/** The workspace packages of a checkout that are published (no `"private": true`): `{ name, version }`. */
function published(checkout: string): { name: string; version: string }[] {
  return ['packages', 'apps']
    .flatMap((group) => readdirSync(join(checkout, group)).map((name) => join(checkout, group, name, 'package.json')))
    .filter((file) => existsSync(file))
    .map((file) => JSON.parse(readFileSync(file, 'utf8')) as { name: string; version: string; private?: boolean })
    .filter((manifest) => !manifest.private);
}

async function gitStatus(clone: string): Promise<string> {
  return (await execOk('git', ['status', '--porcelain'], { cwd: clone, env: baseEnv() })).stdout;
}

const leavesTheCloneAsItWas: Exit['after'] = async (_run, { clone }) => expect(await gitStatus(clone)).toBe('');

/** The documented commands, in the order they run: the first one installs the workspace, the rest find it installed. */
const ROWS: Record<string, Row> = {
  'npm run build': {
    how: 'exit',
    // An npm cache of its own, empty: npx fetches pnpm as on a newcomer's machine, and later calls find it there.
    env: ({ temp }) => ({ npm_config_cache: join(temp, 'npm-cache') }),
    timeoutMs: 480_000,
  },
  'npm run typecheck': { how: 'exit' },
  'node scripts/pnpm.mjs --filter @df/node typecheck': { how: 'exit' },
  'node scripts/pnpm.mjs --filter @df/node test': { how: 'exit', line: (command) => `${command} test/exports.test.ts` },
  'node scripts/setup.mjs --no-build': { how: 'exit' },
  'node scripts/setup.mjs': { how: 'exit' },
  'npm run lint': { how: 'exit' },
  'npm run format': { how: 'exit', after: leavesTheCloneAsItWas },
  'npm run lint:fix': { how: 'exit', after: leavesTheCloneAsItWas },
  'npm run dataframer -- runs list': {
    how: 'exit',
    code: EXIT.AUTH,
    // No key anywhere: not in the environment, and a config folder of its own with no profile in it.
    env: ({ temp }) => ({ DATAFRAMER_CONFIG_DIR: join(temp, 'dataframer-config') }),
    after: (run) => expect(run.output).toMatch(/dataframer auth login.*DATAFRAMER_API_KEY/),
  },
  'npm run sandbox': {
    how: 'until',
    step: 'its banner with the two export lines',
    line: (command) => `${command} -- --port 0`,
    marker: /^export DATAFRAMER_BASE_URL=http\S+\nexport DATAFRAMER_API_KEY=\S+\n/m,
  },
  'node packages/sandbox/dist/cli.js': {
    how: 'until',
    step: 'its banner with the two export lines',
    line: (command) => `${command} --port 0`,
    marker: /^export DATAFRAMER_BASE_URL=http\S+\nexport DATAFRAMER_API_KEY=\S+\n/m,
  },
  'npm run dashboard': {
    how: 'until',
    step: 'the page address',
    // Any free port: 4173 may be taken by a dashboard someone is looking at.
    env: () => ({ PORT: '0' }),
    marker: /^Runs dashboard: +http:\/\/\S+\/\n/m,
  },
  'npm run demo': {
    how: 'exit',
    after: (_run, { clone }) => expect(readdirSync(join(clone, 'demo-output')).filter((name) => name.endsWith('.zip'))).not.toEqual([]),
  },
  'npm run bench -- --help': { how: 'exit', after: (run) => expect(run.output).toMatch(/^Sections: .*\bbundle\b/m) },
  'npm run bench -- --only bundle,upload': {
    how: 'exit',
    // One numbered section for each name after --only.
    after: (run) => expect(run.output.match(/^## \d+\. /gm)).toHaveLength('bundle,upload'.split(',').length),
  },
  'npm run bench': { how: 'until', step: 'the first section', marker: /^## 1\. /m },
  'npm run test:reliability': { how: 'exit', line: (command) => `${command} -- test/isolation.test.ts` },
  'npm run test:runtimes': { how: 'until', step: 'vitest starting', marker: /^ RUN {1,2}v\d/m },
  'npm test': { how: 'until', step: "Biome's check of every file", marker: /^Checked \d+ files? in /m },
  'npm run changeset': { how: 'until', step: 'its first question', marker: /Which packages would you like to include/ },
  'git add .changeset/*.md': { how: 'exit' },
  'npm run changeset -- status --verbose': { how: 'exit' },
  'npm run release:dry': {
    how: 'exit',
    after: (_run, { clone }) =>
      expect(readdirSync(join(clone, 'artifacts', 'tarballs')).sort()).toEqual(
        published(clone)
          .map(({ name, version }) => `${name.slice(1).replace('/', '-')}-${version}.tgz`)
          .sort(),
      ),
  },
  'npm install --prefix /tmp/df-tarballs ./artifacts/tarballs/df-core-*.tgz ./artifacts/tarballs/df-node-*.tgz': {
    how: 'exit',
    line: (command, { temp }) => `${command.replace('/tmp/df-tarballs', join(temp, 'df-tarballs'))} ${NPM_INSTALL_FLAGS.join(' ')}`,
    after: async (_run, { clone, temp }) => {
      expect(readdirSync(join(temp, 'df-tarballs', 'node_modules', '@df')).sort()).toEqual(['core', 'node']);
      // The repository's own manifest and node_modules are left alone.
      const touched = await execOk('git', ['status', '--porcelain', '--', 'package.json', 'package-lock.json'], {
        cwd: clone,
        env: baseEnv(),
      });
      expect(touched.stdout).toBe('');
    },
  },
  'git clone . /tmp/df-release-preview && cd /tmp/df-release-preview': {
    how: 'exit',
    line: (command, { temp }) => command.replaceAll('/tmp/df-release-preview', join(temp, 'df-release-preview')),
  },
  'npm run version-packages': { how: 'exit' },
  'git status && cat packages/node/CHANGELOG.md': {
    how: 'exit',
    after: (run, { clone }) => {
      const { version } = JSON.parse(readFileSync(join(clone, 'packages', 'node', 'package.json'), 'utf8')) as { version: string };
      expect(run.output).toMatch(new RegExp(`^# @df/node\\n\\n## ${version.replaceAll('.', '\\.')}\\n`, 'm'));
    },
  },
  'node scripts/pnpm.mjs install': { how: 'exit' },
  'git add .changeset packages apps pnpm-lock.yaml && git commit -m "Version packages"': {
    how: 'exit',
    env: () => ({
      GIT_AUTHOR_NAME: 'Release preview',
      GIT_AUTHOR_EMAIL: 'preview@example.invalid',
      GIT_COMMITTER_NAME: 'Release preview',
      GIT_COMMITTER_EMAIL: 'preview@example.invalid',
    }),
    // Everything the version step and the install changed is in the commit.
    after: leavesTheCloneAsItWas,
  },
  'npm run dataframer -- <command>': { how: 'not run', why: 'a placeholder; `npm run dataframer -- runs list` is its example' },
  'node scripts/pnpm.mjs <args>': { how: 'not run', why: 'a placeholder; its documented forms have rows of their own' },
  'pnpm <args>': { how: 'not run', why: 'a placeholder, for a global pnpm' },
  'npm run': { how: 'not run', why: 'not a command: "each `npm run` script"' },
  'pnpm lint': { how: 'not run', why: 'documented for a global pnpm; `npm run lint` is its form here' },
  'pnpm --filter @df/node test': {
    how: 'not run',
    why: 'documented for a global pnpm; `node scripts/pnpm.mjs --filter @df/node test` is its form here',
  },
  'pnpm pack': { how: 'not run', why: 'what `npm run release:dry` runs for each published package' },
  'pnpm publish': { how: 'not run', why: 'what `npm run release` runs; publishes' },
  'npm run release': { how: 'not run', why: 'publishes to the registry, with an npm login' },
  'git push --follow-tags': { how: 'not run', why: 'pushes the release tags' },
  'npm whoami': { how: 'not run', why: 'needs an npm login' },
  'npm install -g': { how: 'not run', why: 'the global install of the @df/cli tarball, which test/cli.test.ts does' },
  'npm install --global --prefix <tmp>': { how: 'not run', why: 'what test/cli.test.ts does' },
};

describe('the commands README.md and CONTRIBUTING.md name', () => {
  const documented = documentedCommands(root);

  it('each has a row saying how it is checked', () => {
    const missing = [...documented].filter(([command]) => !(command in ROWS));
    expect(missing.map(([command, documents]) => `${command} (in ${documents.join(', ')})`)).toEqual([]);
  });

  it('each row names a command the documents still name', () => {
    expect(Object.keys(ROWS).filter((command) => !documented.has(command))).toEqual([]);
  });
});

describe('from a fresh clone, with Node and npm and no pnpm', () => {
  let here: Here;
  const times: string[] = [];
  const started = Date.now();
  // node, npm and npx are beside process.execPath; the system folders hold the rest (git, sh, tar).
  const path = [
    ...new Set([dirname(process.execPath), '/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin']),
  ].join(':');
  const env = (row: Ran): Record<string, string | undefined> =>
    baseEnv({
      PATH: path,
      TMPDIR: join(here.temp, 'tmp'),
      // The main checkout's turbo cache: builds and type checks of the same sources are cache hits.
      TURBO_CACHE_DIR: join(root, '.turbo', 'cache'),
      ...row.env?.(here),
    });

  beforeAll(async () => {
    const temp = mkdtempSync(join(tmpdir(), 'df-smoke-documented-'));
    here = { clone: join(temp, 'clone'), temp };
    mkdirSync(join(temp, 'tmp'));
    await execOk('git', ['clone', '--quiet', root, here.clone], { env: baseEnv(), timeoutMs: 120_000 });
  });
  afterAll(() => {
    if (here) rmSync(here.temp, { recursive: true, force: true });
    times.push(`total: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(`documented commands, seconds each:\n${times.join('\n')}`);
  });

  it('pnpm is not on the PATH the commands get', () => {
    const probe = spawnSync('pnpm', ['--version'], { env: { PATH: path } });
    expect((probe.error as NodeJS.ErrnoException | undefined)?.code).toBe('ENOENT');
  });

  for (const [command, row] of Object.entries(ROWS)) {
    if (row.how === 'not run') continue;
    const timeoutMs = row.timeoutMs ?? 240_000;
    const how = row.how === 'exit' ? `exits ${row.code ?? 0}` : `until ${row.step}`;
    it(`${command} (${how})`, { timeout: timeoutMs + 30_000 }, async () => {
      const line = row.line?.(command, here) ?? command;
      const run = await runShellLine(line, {
        cwd: here.clone,
        env: env(row),
        timeoutMs,
        ...(row.how === 'until' && { until: row.marker }),
      });
      times.push(`${(run.ms / 1000).toFixed(1).padStart(6)}  ${row.how.padEnd(5)}  ${line}`);
      const tail = `${line}\n${run.output.slice(-4000)}`;
      expect(
        NEVER.filter((text) => run.output.includes(text)),
        tail,
      ).toEqual([]);
      if (row.how === 'until') {
        expect(run.stopped, tail).toBe('marker');
        return;
      }
      expect(run.code, tail).toBe(row.code ?? 0);
      expect(run.leftRunning, tail).toBeUndefined();
      await row.after?.(run, here);
    });
  }
});
