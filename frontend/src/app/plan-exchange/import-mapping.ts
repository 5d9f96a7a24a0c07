import type { PlanImportField, PlanImportMapping, PlanImportPreview } from '@amtsplan/contracts';

/** The fields of an imported row in the order the mapping form shows them (required first). */
export const IMPORT_FIELDS: readonly PlanImportField[] = ['date', 'workingTitle', 'time', 'text', 'channels', 'topic', 'status', 'tags'];
export const REQUIRED_IMPORT_FIELDS: readonly PlanImportField[] = ['date', 'workingTitle'];

/** Field → column as the form holds it; '' means "not imported". */
export type MappingChoice = Record<PlanImportField, string>;

/** Starts from the server's suggestion, dropping any column the file does not have. */
export function initialChoice(preview: PlanImportPreview): MappingChoice {
  const columns = new Set(preview.columns);
  const choice = {} as MappingChoice;
  for (const field of IMPORT_FIELDS) {
    const suggested = preview.suggestedMapping[field];
    choice[field] = suggested && columns.has(suggested) ? suggested : '';
  }
  return choice;
}

/** Required fields without a column. */
export function missingFields(choice: MappingChoice): PlanImportField[] {
  return REQUIRED_IMPORT_FIELDS.filter((field) => !choice[field]);
}

/** Columns chosen for more than one field: almost always a slip, so the form says so. */
export function doubleColumns(choice: MappingChoice): string[] {
  const used = IMPORT_FIELDS.map((field) => choice[field]).filter(Boolean);
  return [...new Set(used.filter((column, index) => used.indexOf(column) !== index))];
}

/** The request body's mapping, or null while required fields are missing. */
export function toMapping(choice: MappingChoice): PlanImportMapping | null {
  if (missingFields(choice).length) return null;
  const optional = (field: PlanImportField) => choice[field] || null;
  return {
    date: choice.date,
    workingTitle: choice.workingTitle,
    time: optional('time'),
    text: optional('text'),
    channels: optional('channels'),
    topic: optional('topic'),
    status: optional('status'),
    tags: optional('tags'),
  };
}
