// Text wrapped to a terminal's width: at word boundaries, with hanging indents, and help screens fitted whole.

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the terminal's escape sequences is the point.
export const ANSI = /\x1b\[[0-9;]*m/g;

/** The width of text made of narrow characters (ASCII, and every symbol the CLI draws itself): one column per code point, colours left out. */
export function narrowWidth(text: string): number {
  return [...text.replace(ANSI, '')].length;
}

/**
 * Wraps text at word boundaries to `width` columns; a word longer than the width keeps a line of its own, whole (an id
 * or a path must stay one piece to be copied). Lines already broken stay broken; a wrapped line keeps its indent.
 */
export function wrapText(text: string, width: number): string {
  return text
    .split('\n')
    .map((line) => {
      const indent = /^ */.exec(line)?.[0] ?? '';
      const words = line.slice(indent.length).split(/ +/);
      const lines: string[] = [];
      let current = indent;
      for (const word of words) {
        if (current.trim() !== '' && narrowWidth(current) + 1 + narrowWidth(word) > width) {
          lines.push(current);
          current = indent;
        }
        current += current.trim() === '' ? word : ` ${word}`;
      }
      lines.push(current);
      return lines.join('\n');
    })
    .join('\n');
}

/**
 * Wraps one line at word boundaries to `width` columns, its continuation lines indented by `hang` columns (the start
 * of the value in a `key  value` line, the command of an example); `head`, the line's indent unless given (a first
 * column), starts the first line as it is; words are never cut.
 */
export function wrapHanging(line: string, width: number, hang: number, head = /^ */.exec(line)?.[0] ?? ''): string {
  const margin = ' '.repeat(hang);
  const lines: string[] = [];
  let current = '';
  for (const word of line.slice(head.length).split(/ +/)) {
    const start = lines.length === 0 ? head : margin;
    if (current !== '' && narrowWidth(start) + narrowWidth(current) + 1 + narrowWidth(word) > width) {
      lines.push(start + current);
      current = word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  lines.push((lines.length === 0 ? head : margin) + current);
  return lines.join('\n');
}

/** Columns a continuation line must leave for the text: below this, it starts at the line's own indent. */
const MIN_HANGING_TEXT = 20;

/** A line of prose that starts at the margin: not empty, not indented, not a heading (`Examples:`). */
const PROSE = /^\S.*[^:]$/;

/**
 * Fits help text to `width` columns: the lines of a paragraph at the margin are joined, then each long line is wrapped
 * between words: an example (`  $ dataframer …`) goes on under its command, a two-column line (`  NAME   description`)
 * under its description, other text under its indent.
 */
export function fitHelpText(text: string, width: number): string {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    const previous = lines.at(-1);
    if (previous !== undefined && PROSE.test(previous) && PROSE.test(line)) lines[lines.length - 1] = `${previous} ${line}`;
    else lines.push(line);
  }
  return lines
    .map((line) => {
      if (narrowWidth(line) <= width) return line;
      const lead = /^ */.exec(line)?.[0].length ?? 0;
      const example = /^( *[$#] )/.exec(line)?.[1];
      const column = example ?? /^( *\S+(?: \S+)* {2,})\S/.exec(line)?.[1];
      // An example's command goes on two columns further in, so it reads as the same command.
      const hang = column === undefined ? lead : narrowWidth(column) + (example?.includes('$') ? 2 : 0);
      return wrapHanging(line, width, width - hang < MIN_HANGING_TEXT ? lead + 4 : hang, column ?? ' '.repeat(lead));
    })
    .join('\n');
}
