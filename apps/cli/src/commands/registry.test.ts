import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CommandDefinition } from '../program/defineCommand';
import { COMMANDS } from './registry';

const commands = fileURLToPath(new URL('.', import.meta.url));

/** The folder a definition belongs in: `runs/list` for `runs list`, `completion` for a command of the root. */
const folderOf = (definition: CommandDefinition) => [definition.group?.name, definition.name].filter(Boolean).join('/');

/** Every folder under commands/ that holds a command's definition (command.ts) or handler (run.ts). */
const folders = [
  ...new Set(
    readdirSync(commands, { recursive: true, encoding: 'utf8' })
      .filter((file) => /(^|\/)(command|run)\.ts$/.test(file))
      .map((file) => dirname(file)),
  ),
];

describe('the registry and the command folders', () => {
  it('every folder with a definition or a handler has both, and the registry lists its definition', async () => {
    expect(folders.length).toBeGreaterThan(0);
    for (const folder of folders) {
      expect(existsSync(join(commands, folder, 'command.ts')), `${folder}/command.ts`).toBe(true);
      expect(existsSync(join(commands, folder, 'run.ts')), `${folder}/run.ts`).toBe(true);
      const definitions = Object.values(await import(join(commands, folder, 'command.ts'))) as CommandDefinition[];
      expect(definitions, folder).toHaveLength(1);
      expect(COMMANDS, folder).toContain(definitions[0]);
      expect(folderOf(definitions[0] as CommandDefinition)).toBe(folder);
    }
  });

  it('every command the registry lists has its own folder', () => {
    for (const definition of COMMANDS) expect(folders, definition.name).toContain(folderOf(definition));
    expect(new Set(COMMANDS.map(folderOf)).size).toBe(COMMANDS.length);
  });
});
