import type { ChecklistItem, PlanEntryView, Planning, PostView, UpdatePostRequest } from '@amtsplan/contracts';
import { utcToZonedLocal, zonedLocalToUtc } from '@amtsplan/domain';

/** The fields a person edits in the editor, in the shape the API takes them. */
export interface PostFields {
  readonly workingTitle: string;
  readonly text: string;
  readonly variants: readonly { readonly channelId: string; readonly text: string | null }[];
  readonly planning: Planning;
  readonly topicId: string | null;
  readonly tags: readonly string[];
  readonly responsibleUserId: string | null;
  readonly checklist: readonly ChecklistItem[];
  readonly seriesId: string | null;
}

export type PostField = keyof PostFields;

export const POST_FIELDS: readonly PostField[] = [
  'workingTitle',
  'text',
  'variants',
  'planning',
  'topicId',
  'tags',
  'responsibleUserId',
  'checklist',
  'seriesId',
];

export function fieldsOfPost(post: PostView): PostFields {
  return {
    workingTitle: post.workingTitle,
    text: post.text,
    variants: post.variants.map(({ channelId, text }) => ({ channelId, text })),
    planning: post.planning,
    topicId: post.topicId,
    tags: post.tags,
    responsibleUserId: post.responsibleUserId,
    checklist: post.checklist.map(({ label, done }) => ({ label, done })),
    seriesId: post.seriesId,
  };
}

/**
 * The post as a plan entry showed it to the person, for comparing after a 409: the entry's own
 * fields (title, planning, channels, topic, person, series) as the entry had them; what an
 * entry does not carry (text, tags, checklist, a channel's own text) as it is stored, so it
 * never counts as changed by the person.
 */
export function fieldsSeenInEntry(entry: PlanEntryView, stored: PostView): PostFields {
  const storedFields = fieldsOfPost(stored);
  return {
    ...storedFields,
    workingTitle: entry.workingTitle,
    variants: entry.channelIds.map((channelId) => ({
      channelId,
      text: storedFields.variants.find((variant) => variant.channelId === channelId)?.text ?? null,
    })),
    planning: entry.planning,
    topicId: entry.topicId,
    responsibleUserId: entry.responsibleUserId,
    seriesId: entry.seriesId,
  };
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalised(a)) === JSON.stringify(normalised(b));
}

/** Two instants written differently ('…Z' and '…+01:00') are the same planning. */
function normalised(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && 'kind' in value && value.kind === 'time' && 'at' in value) {
    return { kind: 'time', at: new Date(String(value.at)).toISOString() };
  }
  return value;
}

/** The fields in which two versions of a post differ, in the editor's order. */
export function differingFields(a: PostFields, b: PostFields): PostField[] {
  return POST_FIELDS.filter((field) => !sameValue(a[field], b[field]));
}

/** Only what differs from the saved post goes to the API, bound to the version it was read in. */
export function changesBetween(saved: PostFields, edited: PostFields, version: number): UpdatePostRequest {
  const change: Record<string, unknown> = { version };
  for (const field of differingFields(saved, edited)) change[field] = edited[field];
  return change as UpdatePostRequest;
}

/** My changes (relative to `base`) laid over `onto`: the fields I left alone keep the values of `onto`. */
export function withMyChanges(base: PostFields, mine: PostFields, onto: PostFields): PostFields {
  const merged: Record<string, unknown> = { ...onto };
  for (const field of differingFields(base, mine)) merged[field] = mine[field];
  return merged as unknown as PostFields;
}

/** The planning part of the form: the kind, a date and a wall-clock time in the authority's zone. */
export interface PlanningDraft {
  readonly kind: Planning['kind'];
  /** 'YYYY-MM-DD' or ''. */
  readonly date: string;
  /** 'HH:mm' or ''. */
  readonly time: string;
}

export function planningDraftOf(planning: Planning, timeZone: string): PlanningDraft {
  switch (planning.kind) {
    case 'day':
      return { kind: 'day', date: planning.date, time: '' };
    case 'time': {
      const local = utcToZonedLocal(new Date(planning.at), timeZone);
      return { kind: 'time', date: local.slice(0, 10), time: local.slice(11, 16) };
    }
    default:
      return { kind: 'unplanned', date: '', time: '' };
  }
}

/** Null while the form lacks what the kind needs (a date, or a date and a time). */
export function planningOf(draft: PlanningDraft, timeZone: string): Planning | null {
  if (draft.kind === 'unplanned') return { kind: 'unplanned' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) return null;
  if (draft.kind === 'day') return { kind: 'day', date: draft.date };
  if (!/^\d{2}:\d{2}$/.test(draft.time)) return null;
  return { kind: 'time', at: zonedLocalToUtc(`${draft.date}T${draft.time}`, timeZone).toISOString() };
}
