/**
 * Spreadsheet apps run a cell that starts with = + - @ (or a tab or carriage return before
 * one) as a formula, which a post text could abuse (CSV injection, OWASP). A leading
 * apostrophe makes Excel and LibreOffice show the text as it is.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}
