import type { ApprovalContent, ApprovalContentPlanning } from './approval-content';

/** Why an approval was voided: the parts of the approved content that changed. */
export type ApprovalContentChangeKind =
  | 'channel-added'
  | 'channel-removed'
  | 'channel-text'
  | 'media-added'
  | 'media-removed'
  | 'media-replaced'
  | 'alt-text'
  | 'media-order'
  | 'planning';

export interface ApprovalContentChange {
  readonly kind: ApprovalContentChangeKind;
  readonly channelId?: string;
  readonly mediaId?: string;
  /** German, for the audit record and the Freigabeprotokoll. */
  readonly message: string;
}

export interface ContentChangeOptions {
  /** The channel's name for messages; the id is used when absent. */
  readonly channelName?: (channelId: string) => string;
}

function samePlanning(a: ApprovalContentPlanning, b: ApprovalContentPlanning): boolean {
  if (a.kind === 'time' && b.kind === 'time') return a.at === b.at;
  if (a.kind === 'day' && b.kind === 'day') return a.date === b.date;
  return a.kind === b.kind;
}

/**
 * What differs between the content an approval was bound to and the content now, in a
 * stable order: channels (by id), images, planned time. Images are matched by id and
 * numbered as the approver saw them ("Bild 2" = second image before the change; added
 * images are numbered as they are now). Empty when the content is the same.
 */
export function approvalContentChanges(
  before: ApprovalContent,
  after: ApprovalContent,
  options: ContentChangeOptions = {},
): ApprovalContentChange[] {
  const name = (id: string) => options.channelName?.(id) ?? id;
  const changes: ApprovalContentChange[] = [];

  const beforeChannels = new Map(before.channels.map((c) => [c.channelId, c.text]));
  const afterChannels = new Map(after.channels.map((c) => [c.channelId, c.text]));
  const channelIds = [...new Set([...beforeChannels.keys(), ...afterChannels.keys()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const channelId of channelIds) {
    const was = beforeChannels.get(channelId);
    const now = afterChannels.get(channelId);
    if (was === undefined) changes.push({ kind: 'channel-added', channelId, message: `Kanal ${name(channelId)} hinzugefügt` });
    else if (now === undefined) changes.push({ kind: 'channel-removed', channelId, message: `Kanal ${name(channelId)} entfernt` });
    else if (was !== now) changes.push({ kind: 'channel-text', channelId, message: `Text für Kanal ${name(channelId)} geändert` });
  }

  const afterById = new Map(after.media.map((m) => [m.id, m]));
  const beforeIds = new Set(before.media.map((m) => m.id));
  before.media.forEach((m, i) => {
    const now = afterById.get(m.id);
    const label = `Bild ${i + 1}`;
    if (!now) {
      changes.push({ kind: 'media-removed', mediaId: m.id, message: `${label} entfernt` });
      return;
    }
    if (now.contentHash !== m.contentHash) changes.push({ kind: 'media-replaced', mediaId: m.id, message: `${label} ausgetauscht` });
    if (now.altText !== m.altText) changes.push({ kind: 'alt-text', mediaId: m.id, message: `Alternativtext von ${label} geändert` });
  });
  after.media.forEach((m, i) => {
    if (!beforeIds.has(m.id)) changes.push({ kind: 'media-added', mediaId: m.id, message: `Bild ${i + 1} hinzugefügt` });
  });
  const keptBefore = before.media.filter((m) => afterById.has(m.id)).map((m) => m.id);
  const keptAfter = after.media.filter((m) => beforeIds.has(m.id)).map((m) => m.id);
  if (keptBefore.some((id, i) => keptAfter[i] !== id)) {
    changes.push({ kind: 'media-order', message: 'Reihenfolge der Bilder geändert' });
  }

  if (!samePlanning(before.planning, after.planning)) changes.push({ kind: 'planning', message: 'Zeitpunkt geändert' });
  return changes;
}
