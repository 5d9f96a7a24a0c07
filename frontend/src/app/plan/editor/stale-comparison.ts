import type { UpdatePostRequest } from '@amtsplan/contracts';
import { type PostField, type PostFields, changesBetween, differingFields, sameValue, withMyChanges } from './post-fields';

/** One row of the "Vergleichen" table after a 409: my value next to the one now stored. */
export interface FieldComparison {
  readonly field: PostField;
  readonly mine: PostFields[PostField];
  readonly stored: PostFields[PostField];
  /** I changed it compared with the version I started from. */
  readonly changedByMe: boolean;
  /** Someone else changed it since I started. */
  readonly changedByOthers: boolean;
}

/**
 * The fields where my edit and the stored post differ, marked with who changed them. Fields
 * both sides left alone, and fields where both arrived at the same value, are not shown.
 */
export function compareWithStored(base: PostFields, mine: PostFields, stored: PostFields): FieldComparison[] {
  return differingFields(mine, stored).map((field) => ({
    field,
    mine: mine[field],
    stored: stored[field],
    changedByMe: !sameValue(base[field], mine[field]),
    changedByOthers: !sameValue(base[field], stored[field]),
  }));
}

/**
 * "Meine Änderungen übernehmen": what I changed, applied onto the stored version. Fields I did
 * not touch keep the other person's values, so only a field both of us changed is overwritten.
 */
export function reapplyMine(base: PostFields, mine: PostFields, stored: PostFields, storedVersion: number): UpdatePostRequest {
  return changesBetween(stored, withMyChanges(base, mine, stored), storedVersion);
}
