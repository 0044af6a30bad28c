import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where every test file leaves its figures; the global teardown turns them into report/RESULTS.md. */
export const REPORT_DIR = fileURLToPath(new URL('../../report/', import.meta.url));
export const FIGURES_DIR = join(REPORT_DIR, 'figures');

/** One section of the report: a title and rows of (figure, value). */
export interface Section {
  order: number;
  title: string;
  rows: Array<[string, string | number]>;
  /** Free text shown under the section in RESULTS.md (settings, seeds). */
  notes?: string[];
}

/** Saves one section of figures; a later call with the same name replaces it. */
export function recordSection(name: string, section: Section): void {
  mkdirSync(FIGURES_DIR, { recursive: true });
  writeFileSync(join(FIGURES_DIR, `${name}.json`), JSON.stringify(section, null, 2));
}

/** Every section recorded so far, in report order. */
export function readSections(): Section[] {
  let files: string[] = [];
  try {
    files = readdirSync(FIGURES_DIR).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  return files
    .map((f) => JSON.parse(readFileSync(join(FIGURES_DIR, f), 'utf8')) as Section)
    .sort((a, b) => a.order - b.order || a.title.localeCompare(b.title));
}

/** Rounds a millisecond figure for the report. */
export function ms(value: number): string {
  return `${Math.round(value)} ms`;
}
