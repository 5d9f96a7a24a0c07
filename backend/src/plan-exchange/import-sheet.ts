/** A cell as the file holds it: text, or for Excel also numbers, booleans and date/time cells. */
export type ImportCell = string | number | boolean | Date | null;

export interface ImportSheetRow {
  /** The row number the spreadsheet app shows (1-based). */
  readonly number: number;
  readonly cells: readonly ImportCell[];
}

/** The rows of an uploaded plan, before any header or mapping is applied. */
export interface ImportSheet {
  readonly format: 'xlsx' | 'csv';
  /** Worksheet name of an Excel file; null for CSV. */
  readonly name: string | null;
  readonly rows: readonly ImportSheetRow[];
}
