/** What a SINGLE_FILE dataset's file holds: its rows and its columns, or why it cannot be read. */
export type RowCount = { rows: number; columns: string[] } | { problem: string };

/** Splits CSV text into records of fields (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      if (record.some((f) => f !== '')) records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  record.push(field);
  if (record.some((f) => f !== '')) records.push(record);
  return records;
}

const keysOf = (row: unknown): string[] => (row && typeof row === 'object' && !Array.isArray(row) ? Object.keys(row) : []);

/** Counts the rows of a SINGLE_FILE dataset's file by its format: CSV data rows after the header, JSONL lines, JSON array items. */
export function countRows(format: string, text: string): RowCount {
  if (format === 'csv') {
    const [header = [], ...rows] = csvRecords(text);
    return { rows: rows.length, columns: header.map((c) => c.trim()).filter(Boolean) };
  }
  if (format === 'jsonl') {
    const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
    const parsed: unknown[] = [];
    for (const [index, line] of lines.entries()) {
      try {
        parsed.push(JSON.parse(line));
      } catch {
        return { problem: `line ${index + 1} is not valid JSON` };
      }
    }
    return { rows: lines.length, columns: keysOf(parsed[0]) };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'is not valid JSON' };
  }
  if (!Array.isArray(value)) return { problem: 'is not a JSON array of rows' };
  return { rows: value.length, columns: keysOf(value[0]) };
}
