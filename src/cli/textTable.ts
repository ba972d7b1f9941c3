/** Plain-text tables for the terminal: columns padded to their widest cell. */

export interface TextColumn {
  header: string;
  align?: 'left' | 'right';
}

/**
 * Rows as an aligned text table with a rule under the header.
 *
 * @example
 * textTable([{ header: 'Fund' }, { header: 'Awarded', align: 'right' }], [['VSG', '£10.00']])
 * //=> 'Fund  Awarded\n----  -------\nVSG    £10.00'
 */
export function textTable(columns: readonly TextColumn[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, i) => Math.max(column.header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (columns[i].align === 'right' ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((column) => column.header)),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.map((row) => line(row)),
  ].join('\n');
}
