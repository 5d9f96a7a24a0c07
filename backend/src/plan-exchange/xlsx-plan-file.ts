import { PLAN_EXPORT_COLUMNS } from '@amtsplan/contracts';
import { Workbook } from 'exceljs';
import { PlanTableRow, planTextCells } from './plan-table';

const WIDTHS = [12, 9, 40, 60, 30, 20, 16, 25, 22];
const TEXT_COLUMN = 4;

/**
 * An Excel workbook of the plan: dates and times as real cells (sortable, filterable), the
 * header bold and frozen with an auto filter. Texts stay text cells, which Excel never runs
 * as formulas, so they are exported unchanged.
 */
export async function planWorkbook(rows: readonly PlanTableRow[], sheetName = 'Redaktionsplan'): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Amtsplan';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = PLAN_EXPORT_COLUMNS.map((header, index) => ({ header, width: WIDTHS[index] }));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: PLAN_EXPORT_COLUMNS.length } };
  for (const row of rows) {
    const added = sheet.addRow([
      row.date ? new Date(`${row.date}T00:00:00Z`) : null,
      row.time ? new Date(`1899-12-30T${row.time}:00Z`) : null,
      ...planTextCells(row),
    ]);
    added.getCell(1).numFmt = 'dd.mm.yyyy';
    added.getCell(2).numFmt = 'hh:mm';
    added.getCell(TEXT_COLUMN).alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
