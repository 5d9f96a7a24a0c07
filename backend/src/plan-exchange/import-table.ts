import { cellText } from './import-cell-values';
import type { ImportCell, ImportSheet, ImportSheetRow } from './import-sheet';

/** An uploaded sheet read as a table: its header row names the columns, the rows below are data. */
export interface ImportTable {
  readonly format: ImportSheet['format'];
  readonly sheetName: string | null;
  /** Unique column names, in sheet order. */
  readonly columns: readonly string[];
  /** Rows below the header that have at least one filled cell. */
  readonly rows: readonly ImportSheetRow[];
}

const isFilled = (cell: ImportCell | undefined) => cell !== undefined && cellText(cell) !== '';

/** 0 → A, 25 → Z, 26 → AA, as spreadsheet apps name columns. */
export function columnLetter(index: number): string {
  let letter = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  return letter;
}

/**
 * The first filled row is the header. A column without a header is named after its letter
 * („Spalte C“); a repeated header gets a number („Thema (2)“), so a mapping names exactly one column.
 */
export function toImportTable(sheet: ImportSheet): ImportTable | null {
  const headerIndex = sheet.rows.findIndex((row) => row.cells.some(isFilled));
  if (headerIndex < 0) return null;
  const header = sheet.rows[headerIndex];
  const rows = sheet.rows.slice(headerIndex + 1).filter((row) => row.cells.some(isFilled));
  const width = Math.max(...[header, ...rows].map((row) => lastFilledIndex(row.cells) + 1));
  const seen = new Map<string, number>();
  const columns = Array.from({ length: width }, (_, index) => {
    const base = cellText(header.cells[index] ?? null) || `Spalte ${columnLetter(index)}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
  return { format: sheet.format, sheetName: sheet.name, columns, rows };
}

function lastFilledIndex(cells: readonly ImportCell[]): number {
  for (let index = cells.length - 1; index >= 0; index--) if (isFilled(cells[index])) return index;
  return -1;
}
