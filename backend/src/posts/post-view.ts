import type { Planning, PostMediaView, PostView } from '@amtsplan/contracts';
import { PostVariantEntity } from './post-variant.entity';
import { PostEntity } from './post.entity';

export function planningOf(post: Pick<PostEntity, 'plannedAt' | 'plannedDate'>): Planning {
  if (post.plannedAt) return { kind: 'time', at: post.plannedAt.toISOString() };
  if (post.plannedDate) return { kind: 'day', date: post.plannedDate };
  return { kind: 'unplanned' };
}

export function planningColumns(planning: Planning): Pick<PostEntity, 'plannedAt' | 'plannedDate'> {
  switch (planning.kind) {
    case 'time':
      return { plannedAt: new Date(planning.at), plannedDate: null };
    case 'day':
      return { plannedAt: null, plannedDate: planning.date };
    default:
      return { plannedAt: null, plannedDate: null };
  }
}

export function toPostView(post: PostEntity, variants: ReadonlyArray<Pick<PostVariantEntity, 'channelId' | 'text'>>, media: readonly PostMediaView[]): PostView {
  return {
    id: post.id,
    workingTitle: post.workingTitle,
    text: post.text,
    variants: variants.map((v) => ({ channelId: v.channelId, text: v.text })),
    planning: planningOf(post),
    timeZone: post.timeZone,
    status: post.status,
    topicId: post.topicId,
    tags: post.tags,
    responsibleUserId: post.responsibleUserId,
    authorUserId: post.authorUserId,
    checklist: post.checklist,
    media: [...media],
    seriesId: post.seriesId,
    seriesSlotAt: post.seriesSlotAt ? post.seriesSlotAt.toISOString() : null,
    findings: post.findings,
    version: post.version,
    createdAt: post.createdAt.toISOString(),
    updatedAt: post.updatedAt.toISOString(),
  };
}

/** What a version snapshot holds: exactly the fields a person edits, for history and comparison. */
export function snapshotOf(view: PostView): Record<string, unknown> {
  const { workingTitle, text, variants, planning, topicId, tags, responsibleUserId, checklist, status, seriesId } = view;
  const media = view.media.map(({ id, altText, contentType, byteSize }) => ({ id, altText, contentType, byteSize }));
  return { workingTitle, text, variants, media, planning, topicId, tags, responsibleUserId, checklist, status, seriesId };
}

export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
}
