/**
 * Plain-text tables for the terminal: columns padded to their widest cell and, when
 * a width is given, the columns that may wrap (`wrap: true`) narrowed so that the
 * table fits it, their text carried onto further lines — nothing is cut off.
 */

export interface TextColumn {
  header: string;
  align?: 'left' | 'right';
  /** The column may be narrowed to fit the width, its cells wrapped at spaces. */
  wrap?: boolean;
}

/** The narrowest a wrapping column is made. */
const MIN_WRAP = 12;
const GAP = 2;

/** Text in lines of at most `width` characters, broken at spaces (a longer word is broken where it must). */
export function wrapCell(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(' ')) {
    while (word.length > width) {
      if (line !== '') {
        lines.push(line);
        line = '';
      }
      lines.push(word.slice(0, width));
      word = word.slice(width);
    }
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** Column widths that fit `width` where the wrapping columns allow it: the widest wrapping column narrowed first. */
function fitWidths(columns: readonly TextColumn[], natural: readonly number[], width: number | undefined): number[] {
  const widths = [...natural];
  if (width === undefined) return widths;
  const total = (): number => widths.reduce((sum, w) => sum + w, 0) + GAP * (widths.length - 1);
  while (total() > width) {
    let widest = -1;
    columns.forEach((column, i) => {
      if (column.wrap === true && widths[i] > Math.max(MIN_WRAP, column.header.length) && (widest < 0 || widths[i] > widths[widest])) widest = i;
    });
    if (widest < 0) break;
    widths[widest] = Math.max(MIN_WRAP, columns[widest].header.length, widths[widest] - (total() - width));
  }
  return widths;
}

/**
 * A table too wide for the width even with its wrapping columns narrowed: each row as
 * a block of `Header  value` lines, values wrapped, a blank line between rows.
 */
function stacked(columns: readonly TextColumn[], rows: readonly (readonly string[])[], width: number): string {
  const label = Math.max(...columns.map((column) => column.header.length));
  const room = Math.max(MIN_WRAP, width - label - GAP);
  return rows.map((row) => columns.flatMap((column, i) => wrapCell(row[i] ?? '', room).map((text, k) =>
    `${(k === 0 ? column.header : '').padEnd(label)}${' '.repeat(GAP)}${text}`.trimEnd())).join('\n')).join('\n\n');
}

/**
 * Rows as an aligned text table with a rule under the header, at most `width`
 * characters wide: its wrapping columns narrowed, else each row stacked as a block of
 * `Header  value` lines.
 *
 * @example
 * textTable([{ header: 'Fund' }, { header: 'Awarded', align: 'right' }], [['VSG', '£10.00']])
 * //=> 'Fund  Awarded\n----  -------\nVSG    £10.00'
 */
export function textTable(columns: readonly TextColumn[], rows: readonly (readonly string[])[], width?: number): string {
  const natural = columns.map((column, i) => Math.max(column.header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const widths = fitWidths(columns, natural, width);
  if (width !== undefined && widths.reduce((sum, w) => sum + w, 0) + GAP * (widths.length - 1) > width) {
    return stacked(columns, rows, width);
  }
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (columns[i].align === 'right' ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join(' '.repeat(GAP))
      .trimEnd();
  const body: string[] = [];
  for (const row of rows) {
    const cells = columns.map((_, i) => wrapCell(row[i] ?? '', widths[i]));
    const height = Math.max(...cells.map((lines) => lines.length));
    for (let k = 0; k < height; k++) body.push(line(cells.map((lines) => lines[k] ?? '')));
  }
  return [
    line(columns.map((column) => column.header)),
    line(widths.map((w) => '-'.repeat(w))),
    ...body,
  ].join('\n');
}
