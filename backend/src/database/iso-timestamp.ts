/**
 * A `timestamptz` column as the API's ISO string, written by PostgreSQL: the text
 * `Date#toISOString` gives for the value the driver would have parsed (UTC, milliseconds
 * truncated like the driver's Date), without parsing a Date per value in Node. NULL stays NULL.
 */
export function isoTimestamp(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
