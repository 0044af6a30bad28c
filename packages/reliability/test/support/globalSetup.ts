import { rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIGURES_DIR, REPORT_DIR, readSections, type Section } from './figures';

/** Clears the figures of an earlier run, and after the last file writes report/RESULTS.md and prints the summary table. */
export default function setup(): () => void {
  rmSync(FIGURES_DIR, { recursive: true, force: true });
  const started = Date.now();
  return () => {
    const sections = readSections();
    if (sections.length === 0) return;
    mkdirSync(REPORT_DIR, { recursive: true });
    writeFileSync(join(REPORT_DIR, 'RESULTS.md'), renderMarkdown(sections, Date.now() - started));
    process.stdout.write(`\n${renderTable(sections)}\nFull report: packages/reliability/report/RESULTS.md\n`);
  };
}

function renderMarkdown(sections: Section[], elapsedMs: number): string {
  const out = [
    '# Reliability and security figures',
    '',
    `Written by \`pnpm --filter @df/reliability test\` (Node ${process.version}, ${Math.round(elapsedMs / 1000)} s for the whole suite).`,
    'Every figure comes from the sandbox (`@df/sandbox`) on 127.0.0.1 with its fault injection; see `packages/reliability/README.md` for what each test proves.',
    '',
  ];
  for (const section of sections) {
    out.push(`## ${section.title}`, '', '| figure | value |', '| --- | --- |');
    for (const [name, value] of section.rows) out.push(`| ${name} | ${String(value).replace(/\|/g, '\\|')} |`);
    if (section.notes?.length) out.push('', ...section.notes.map((n) => `- ${n}`));
    out.push('');
  }
  return out.join('\n');
}

function renderTable(sections: Section[]): string {
  const rows: Array<[string, string]> = [];
  for (const section of sections) {
    for (const [name, value] of section.rows) {
      const text = String(value);
      rows.push([`${section.title}: ${name}`, text.length > 72 ? `${text.slice(0, 71)}…` : text]);
    }
  }
  const width = Math.max(...rows.map(([name]) => name.length));
  const valueWidth = Math.max(...rows.map(([, value]) => value.length));
  const line = `+${'-'.repeat(width + 2)}+${'-'.repeat(valueWidth + 2)}+`;
  return [
    'Reliability summary',
    line,
    ...rows.map(([name, value]) => `| ${name.padEnd(width)} | ${value.padEnd(valueWidth)} |`),
    line,
  ].join('\n');
}
