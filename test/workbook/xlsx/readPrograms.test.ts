/**
 * The reader against workbooks written by programs we did not write (openpyxl and
 * XlsxWriter, run through /usr/bin/python3): random tables in, the same values out —
 * strings through shared strings and escapes, numbers, booleans, dates in both date
 * systems and as ISO cells, formulas saved with no value as issues.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import fc from 'fast-check';
import type { CellValue } from '../../../src/engine/sheet';
import { openBook } from '../../../src/workbook/xlsx/readBook';
import { readTableData } from '../../../src/workbook/xlsx/readTables';

const PYTHON = '/usr/bin/python3';

type Written = null | number | boolean | string | { date: string } | { formula: string };

interface Case {
  file: string;
  program: 'openpyxl' | 'xlsxwriter';
  date1904: boolean;
  isoDates: boolean;
  table: string;
  sheet: string;
  top: number;
  left: number;
  headers: string[];
  rows: Written[][];
}

/** Control characters other than tab and newline, which openpyxl refuses; and carriage returns, which XML reads as newlines. */
function isControl(ch: string): boolean {
  const code = ch.codePointAt(0) ?? 0;
  return (code < 0x20 && ch !== '\t' && ch !== '\n') || code === 0x7f;
}

/** Text either program writes as given: no control characters, no carriage returns, no leading `=`. */
const text = fc
  .string({ unit: fc.oneof(fc.constantFrom('a', 'Z', ' ', '&', '<', '>', '"', "'", '_', 'x', '0', 'F', '\n', '\t', '£', 'é', '東', '😀'), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })), minLength: 1, maxLength: 12 })
  .map((s) => [...s].map((ch) => (isControl(ch) ? 'q' : ch)).join(''))
  .filter((s) => !s.startsWith('='));
/**
 * Text that looks like Excel's `_xHHHH_` escape. XlsxWriter escapes it (`_x005F_x0041_`);
 * openpyxl writes it as it is, so Excel — and this reader — read the escape.
 */
const EXCEL_READS_UNESCAPED: Readonly<Record<string, string>> = { _x0041_: 'A', a_x000D_b: 'a\rb', _x005F_: '_' };
const escapeLike = fc.constantFrom(...Object.keys(EXCEL_READS_UNESCAPED));
const date = fc.date({ min: new Date(Date.UTC(1904, 0, 2)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }).map((d) => ({ date: d.toISOString().slice(0, 10) }));
/** Numbers to Excel's 15 significant digits (both programs write no more than 16). */
const number = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.integer({ min: -1e11, max: 1e11 }).map((p) => p / 100),
  fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }).map((n) => Number(n.toPrecision(15)) || 0),
);

function cell(program: Case['program']): fc.Arbitrary<Written> {
  const common: fc.Arbitrary<Written>[] = [fc.constant(null), number, fc.boolean(), text, escapeLike, date];
  return program === 'openpyxl' ? fc.oneof(...common, fc.constant({ formula: '=SUM(1,2)' })) : fc.oneof(...common);
}

function caseOf(i: number): fc.Arbitrary<Case> {
  const program = i % 2 === 0 ? 'openpyxl' : 'xlsxwriter';
  return fc.record({
    file: fc.constant(`case${i}.xlsx`),
    program: fc.constant(program),
    date1904: fc.boolean(),
    isoDates: program === 'openpyxl' ? fc.boolean() : fc.constant(false),
    table: fc.constant(`Table${i}`),
    sheet: fc.constant(`Sheet & ${i}`),
    top: fc.integer({ min: 2, max: 30 }),
    left: fc.integer({ min: 1, max: 30 }),
    headers: fc.integer({ min: 1, max: 6 }).map((n) => Array.from({ length: n }, (_, c) => `Column ${c + 1}`)),
    rows: fc.constant([]),
  }).chain((c) =>
    fc.array(fc.array(cell(program), { minLength: c.headers.length, maxLength: c.headers.length }), { minLength: 1, maxLength: 15 }).map((rows) => ({ ...c, rows })),
  );
}

/** What the reader should give for a written cell (a 1900-system serial for a date). */
function expected(value: Written, program: Case['program']): CellValue {
  if (typeof value === 'string' && program === 'openpyxl') return EXCEL_READS_UNESCAPED[value] ?? value;
  if (value === null || typeof value !== 'object') return value;
  if ('date' in value) return Date.UTC(Number(value.date.slice(0, 4)), Number(value.date.slice(5, 7)) - 1, Number(value.date.slice(8, 10))) / 86_400_000 + 25_569;
  return null;
}

describe('reading workbooks written by openpyxl and XlsxWriter', () => {
  const cases = fc.sample(fc.tuple(...Array.from({ length: 24 }, (_, i) => caseOf(i))), { numRuns: 1, seed: 20210401 })[0];
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(join(tmpdir(), 'awards-read-'));
    writeFileSync(join(folder, 'cases.json'), JSON.stringify(cases));
    execFileSync(PYTHON, [join(__dirname, 'writeWithPrograms.py'), join(folder, 'cases.json'), folder], { stdio: 'pipe' });
  });

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it.each(cases.map((c) => [c.file, c.program, c.date1904 ? '1904' : '1900', c.isoDates ? 'ISO' : 'serial', c] as const))(
    'reads %s (%s, %s dates, %s) as written',
    (file, _program, _system, _iso, written) => {
      const { pkg, book } = openBook(readFileSync(join(folder, file)), file);
      expect(book.date1904).toBe(written.date1904);
      const table = readTableData(pkg, book, [written.table])[written.table];
      const rows = written.rows.map((row) => row.map((v) => expected(v, written.program)));
      while (rows.length > 0 && rows[rows.length - 1].every((v) => v === null) && !written.rows[rows.length - 1].some((v) => v !== null && typeof v === 'object' && 'formula' in v)) rows.pop();
      expect(table.sheet).toBe(written.sheet);
      expect(table.headers).toEqual(written.headers);
      expect(table.rows).toEqual(rows);
      const formulas = written.rows.flatMap((row, r) => row.flatMap((v, c) => (v !== null && typeof v === 'object' && 'formula' in v ? [{ row: r, column: c, text: v.formula }] : [])));
      expect((table.issues ?? []).map(({ row, column, kind, text: t }) => ({ row, column, kind, text: t }))).toEqual(formulas.map((f) => ({ ...f, kind: 'uncalculated' })));
    },
  );
});
