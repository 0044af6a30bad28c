import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The documents whose commands a newcomer types. */
const DOCUMENTS = ['README.md', 'CONTRIBUTING.md'];

/** What counts as a command: npm, npx, pnpm or git, or node running a file of the repository. */
const COMMAND = /^(?:(?:npm|npx|pnpm|git) |node (?:scripts|bench|packages|apps)\/)/;

/**
 * Every command the documents name, each with the documents naming it: the lines of fenced code blocks (without a
 * trailing `# comment`) and the inline code spans (a span broken over two lines is read as one line).
 */
export function documentedCommands(root: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const note = (command: string, document: string): void => {
    if (!COMMAND.test(command)) return;
    const documents = found.get(command) ?? [];
    if (!documents.includes(document)) documents.push(document);
    found.set(command, documents);
  };
  for (const document of DOCUMENTS) {
    const parts = readFileSync(join(root, document), 'utf8').split(/^```.*$/m);
    // Parts alternate: prose, a fenced block, prose, …
    for (const [index, part] of parts.entries()) {
      if (index % 2 === 1) {
        for (const line of part.split('\n')) note(line.replace(/\s+#.*$/, '').trim(), document);
      } else {
        for (const [, span = ''] of part.matchAll(/`([^`]+)`/g)) note(span.replace(/\s+/g, ' ').trim(), document);
      }
    }
  }
  return found;
}
