import { CellValue, Workbook } from 'exceljs';
import { ImportFileProblem } from './import-file-errors';
import type { ImportCell, ImportSheet, ImportSheetRow } from './import-sheet';

/** The value a person sees: rich text joined, links as their text, formulas as their last result. */
function toImportCell(value: CellValue): ImportCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : toImportCell(value.text as CellValue);
  if ('result' in value) return toImportCell((value.result ?? null) as CellValue);
  if ('error' in value) return null;
  return null;
}

/** The first worksheet that has any content. */
export async function readXlsxSheet(content: Buffer): Promise<ImportSheet> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw ImportFileProblem.unreadable('Die Datei ist keine lesbare Excel-Arbeitsmappe (.xlsx). Bitte in Excel als „Excel-Arbeitsmappe“ oder als „CSV UTF-8“ speichern.');
  }
  const sheet = workbook.worksheets.find((candidate) => candidate.actualRowCount > 0);
  if (!sheet) throw ImportFileProblem.unreadable('Die Excel-Datei enthält keine ausgefüllte Tabelle.');
  const rows: ImportSheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = Array.isArray(row.values) ? row.values.slice(1) : [];
    rows.push({ number, cells: Array.from(values, (value) => toImportCell(value as CellValue)) });
  });
  return { format: 'xlsx', name: sheet.name, rows };
}
