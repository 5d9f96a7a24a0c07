import { CreatePostRequest, PlanImportField, PlanImportMapping, PlanImportRowError } from '@amtsplan/contracts';
import { zonedLocalToUtc } from '@amtsplan/domain';
import type { z } from 'zod';
import { cellText, parseImportDate, parseImportTime, splitList } from './import-cell-values';
import type { ImportCell } from './import-sheet';
import type { ImportTable } from './import-table';

/** What one valid row becomes: the request PostsService.create takes, with defaults applied. */
export type ImportedPost = z.output<typeof CreatePostRequest>;

export interface ImportCatalog {
  /** Channel ids by lower-cased name. */
  readonly channels: ReadonlyMap<string, string>;
  /** Topic ids by lower-cased name. */
  readonly topics: ReadonlyMap<string, string>;
  readonly timeZone: string;
}

export interface ValidatedRows {
  readonly valid: ReadonlyArray<{ readonly row: number; readonly post: ImportedPost }>;
  readonly errors: readonly PlanImportRowError[];
  /** Rows with at least one error. */
  readonly invalidRows: number;
}

const STATUSES: ReadonlyMap<string, 'idea' | 'draft'> = new Map([
  ['idee', 'idea'],
  ['idea', 'idea'],
  ['entwurf', 'draft'],
  ['draft', 'draft'],
]);

/** Which sheet column a field of the post request came from, for messages about it. */
const REQUEST_FIELD_SOURCE: Readonly<Record<string, PlanImportField>> = {
  workingTitle: 'workingTitle',
  text: 'text',
  tags: 'tags',
  planning: 'date',
  variants: 'channels',
  topicId: 'topic',
  status: 'status',
};

const lowerCase = (text: string) => text.toLocaleLowerCase('de');

/**
 * Checks every row before anything is written and turns the valid ones into post requests.
 * Names of channels and topics must exist in the organization; nothing is created on the fly.
 */
export function validateRows(table: ImportTable, mapping: PlanImportMapping, catalog: ImportCatalog): ValidatedRows {
  const indexOf = new Map(table.columns.map((column, index) => [column, index]));
  const valid: Array<{ row: number; post: ImportedPost }> = [];
  const errors: PlanImportRowError[] = [];
  let invalidRows = 0;
  for (const row of table.rows) {
    const rowErrors: PlanImportRowError[] = [];
    const cell = (field: PlanImportField): ImportCell => {
      const column = mapping[field];
      const index = column ? indexOf.get(column) : undefined;
      return index === undefined ? null : (row.cells[index] ?? null);
    };
    const fail = (field: PlanImportField | null, message: string) => rowErrors.push({ row: row.number, column: field ? (mapping[field] ?? null) : null, message });
    const post = readRow(cell, fail, catalog);
    if (post) {
      const parsed = CreatePostRequest.safeParse(post);
      if (parsed.success) {
        if (rowErrors.length === 0) valid.push({ row: row.number, post: parsed.data });
      } else {
        for (const issue of parsed.error.issues) fail(REQUEST_FIELD_SOURCE[String(issue.path[0])] ?? null, issue.message);
      }
    }
    if (rowErrors.length) {
      invalidRows++;
      errors.push(...rowErrors);
    }
  }
  return { valid, errors, invalidRows };
}

function readRow(
  cell: (field: PlanImportField) => ImportCell,
  fail: (field: PlanImportField | null, message: string) => void,
  catalog: ImportCatalog,
): Record<string, unknown> | null {
  const workingTitle = cellText(cell('workingTitle'));
  if (!workingTitle) fail('workingTitle', 'Bitte einen Arbeitstitel angeben.');

  const dateText = cellText(cell('date'));
  const date = parseImportDate(cell('date'));
  if (!dateText) fail('date', 'Bitte ein Datum angeben.');
  else if (!date) fail('date', `„${dateText}“ ist kein Datum (erwartet z. B. 31.12.2026).`);

  const timeText = cellText(cell('time'));
  const time = timeText ? parseImportTime(cell('time')) : (date?.time ?? null);
  if (timeText && !time) fail('time', `„${timeText}“ ist keine Uhrzeit (erwartet z. B. 09:30).`);

  const statusText = cellText(cell('status'));
  const status = statusText ? STATUSES.get(lowerCase(statusText)) : 'draft';
  if (!status) fail('status', `Status „${statusText}“ ist beim Import nicht möglich; erlaubt sind Idee und Entwurf.`);

  const channelIds: string[] = [];
  for (const name of splitList(cellText(cell('channels')))) {
    const id = catalog.channels.get(lowerCase(name));
    if (!id) fail('channels', `Den Kanal „${name}“ gibt es in dieser Behörde nicht.`);
    else if (!channelIds.includes(id)) channelIds.push(id);
  }

  const topicName = cellText(cell('topic'));
  const topicId = topicName ? (catalog.topics.get(lowerCase(topicName)) ?? null) : null;
  if (topicName && !topicId) fail('topic', `Das Thema „${topicName}“ gibt es in dieser Behörde nicht.`);

  if (!workingTitle || !date || !status || (timeText && !time)) return null;
  return {
    workingTitle,
    text: cellText(cell('text')),
    status,
    planning: time ? { kind: 'time', at: zonedLocalToUtc(`${date.date}T${time}`, catalog.timeZone).toISOString() } : { kind: 'day', date: date.date },
    variants: channelIds.map((channelId) => ({ channelId, text: null })),
    topicId,
    tags: splitList(cellText(cell('tags'))).map((tag) => tag.replace(/^#+/, '')).filter(Boolean),
  };
}
