// CSV as RFC 4180 has it (quoted when needed, CRLF line ends), safe to open in a spreadsheet: a cell
// that starts like a formula (= + - @, tab, carriage return) is prefixed with ' so it stays text.
export type Cell = string | number | null;

function cell(value: Cell) {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return csvLines([header, ...rows]);
}

/** Reads what toCsv writes (and RFC 4180 CSV in general) into rows of strings. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[index + 1] === "\n") index++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/** Rows as CSV lines (each ending CRLF), for files written a page at a time. */
export function csvLines(rows: Cell[][]): string {
  return rows.map((row) => row.map(cell).join(",") + "\r\n").join("");
}
