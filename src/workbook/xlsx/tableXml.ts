/**
 * A table part (`xl/tables/tableN.xml`) for a table the add-in writes: a header row,
 * filter buttons over the whole range, no totals row, the house table style with row
 * stripes. Column names are the header cells' text exactly (Excel repairs a table whose
 * names and header cells differ).
 */
import { TABLE_STYLE } from '../layout';
import { XML_DECLARATION } from './worksheetXml';
import { NS_MAIN, escapeXml } from './xml';

export interface TablePart {
  /** Unique across the workbook's tables. */
  id: number;
  /** Both `name` and `displayName`: what formulas use (`Allocations[Amount]`). */
  name: string;
  /** The range, header row included, e.g. `A3:J13`. */
  ref: string;
  /** Header texts, in order. */
  columns: readonly string[];
}

/** The table part's text. */
export function tableXml(table: TablePart): string {
  const name = escapeXml(table.name);
  const out: string[] = [
    XML_DECLARATION,
    `<table xmlns="${NS_MAIN}" id="${table.id}" name="${name}" displayName="${name}" ref="${table.ref}" totalsRowShown="0">`,
    `<autoFilter ref="${table.ref}"/>`,
    `<tableColumns count="${table.columns.length}">`,
  ];
  table.columns.forEach((column, i) => out.push(`<tableColumn id="${i + 1}" name="${escapeXml(column)}"/>`));
  out.push(
    '</tableColumns>',
    `<tableStyleInfo name="${TABLE_STYLE}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>`,
    '</table>',
  );
  return out.join('');
}
