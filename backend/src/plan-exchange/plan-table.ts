import type { PostView } from '@amtsplan/contracts';
import { POST_STATUS_LABELS, utcToZonedLocal } from '@amtsplan/domain';

/** One exported post, in the organization's calendar and in German words. */
export interface PlanTableRow {
  /** 'YYYY-MM-DD' in the organization's zone; null in the Themenspeicher. */
  readonly date: string | null;
  /** 'HH:mm' in the organization's zone; null when planned for a day or not at all. */
  readonly time: string | null;
  readonly workingTitle: string;
  readonly text: string;
  readonly channels: string;
  readonly topic: string;
  readonly status: string;
  readonly tags: string;
  readonly responsible: string;
}

export interface PlanTableNames {
  readonly channels: ReadonlyMap<string, string>;
  readonly topics: ReadonlyMap<string, string>;
  readonly people: ReadonlyMap<string, string>;
}

type ExportedPost = Pick<PostView, 'planning' | 'workingTitle' | 'text' | 'variants' | 'topicId' | 'status' | 'tags' | 'responsibleUserId'>;

export function toPlanTable(posts: readonly ExportedPost[], names: PlanTableNames, timeZone: string): PlanTableRow[] {
  return posts.map((post) => {
    const local = post.planning.kind === 'time' ? utcToZonedLocal(new Date(post.planning.at), timeZone) : null;
    return {
      date: local ? local.slice(0, 10) : post.planning.kind === 'day' ? post.planning.date : null,
      time: local ? local.slice(11, 16) : null,
      workingTitle: post.workingTitle,
      text: post.text,
      channels: post.variants.map((v) => names.channels.get(v.channelId) ?? '').filter(Boolean).join(', '),
      topic: post.topicId ? (names.topics.get(post.topicId) ?? '') : '',
      status: POST_STATUS_LABELS[post.status],
      tags: post.tags.join(', '),
      responsible: post.responsibleUserId ? (names.people.get(post.responsibleUserId) ?? '') : '',
    };
  });
}

/** The columns after Datum and Uhrzeit, in the order of PLAN_EXPORT_COLUMNS; both file formats write them as text. */
export function planTextCells(row: PlanTableRow): string[] {
  return [row.workingTitle, row.text, row.channels, row.topic, row.status, row.tags, row.responsible];
}

/** 'YYYY-MM-DD' → '31.12.2026', as German spreadsheets show dates. */
export function germanDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}
