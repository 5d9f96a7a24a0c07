import { PLAN_EXPORT_COLUMNS } from '@amtsplan/contracts';
import { stringify } from 'csv-stringify/sync';
import { germanDate, PlanTableRow, planTextCells } from './plan-table';
import { guardFormula } from './spreadsheet-formula-guard';

/**
 * The CSV dialect German Excel opens with a double click: `;` between fields, CRLF between
 * records, UTF-8 with a byte order mark (without it Excel reads Windows-1252 and garbles
 * umlauts), dates as 31.12.2026.
 */
export function planCsv(rows: readonly PlanTableRow[]): Buffer {
  const records = rows.map((row) => [row.date ? germanDate(row.date) : '', row.time ?? '', ...planTextCells(row)].map(guardFormula));
  const text = stringify([[...PLAN_EXPORT_COLUMNS], ...records], { delimiter: ';', record_delimiter: 'windows', bom: true });
  return Buffer.from(text, 'utf8');
}
