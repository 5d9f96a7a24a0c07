import { Injectable } from '@nestjs/common';
import { type ApprovalContent, parseApprovalContent } from '@amtsplan/domain';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { MediaStorage } from '../media/media-storage';
import type { PublishContent, PublishMedia } from './adapters/channel-adapter';

/** The stored images the approved content names, as found in the database (before the transaction ends). */
export interface ApprovedImageFiles {
  readonly content: ApprovalContent;
  readonly files: ReadonlyMap<string, { readonly storageKey: string; readonly contentType: string }>;
}

export class ApprovedContentProblem extends Error {}

const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'image/gif': 'gif' };

/**
 * What the publisher sends, built from approval_requests.canonical_content (never from the
 * live post): the channel's approved text and the approved images, each file read from storage
 * and checked against its approved SHA-256, so what goes out is byte for byte what was
 * approved (DESIGN.md invariant 1).
 */
@Injectable()
export class ApprovedContent {
  constructor(private readonly storage: MediaStorage) {}

  /** Reads the canonical content and where its images are stored, inside the caller's transaction. */
  async locate(manager: EntityManager, organizationId: string, canonicalContent: string): Promise<ApprovedImageFiles> {
    const content = parseApprovalContent(canonicalContent);
    const ids = content.media.map((m) => m.id);
    const rows: Array<{ id: string; storageKey: string; contentType: string }> = ids.length
      ? await manager.query(`SELECT id, storage_key AS "storageKey", content_type AS "contentType" FROM post_media WHERE organization_id = $1 AND id = ANY($2::uuid[])`, [
          organizationId,
          ids,
        ])
      : [];
    return { content, files: new Map(rows.map((r) => [r.id, { storageKey: r.storageKey, contentType: r.contentType }])) };
  }

  /** The content for one channel; throws ApprovedContentProblem (German) when an approved image is gone or changed. */
  async forChannel(organizationId: string, approved: ApprovedImageFiles, channelId: string): Promise<PublishContent> {
    const channel = approved.content.channels.find((c) => c.channelId === channelId);
    if (!channel) throw new ApprovedContentProblem('Der Kanal gehört nicht zum freigegebenen Inhalt.');
    const media: PublishMedia[] = [];
    for (const [index, image] of approved.content.media.entries()) {
      const file = approved.files.get(image.id);
      const handle = file ? await this.storage.open(organizationId, file.storageKey) : null;
      if (!file || !handle) throw new ApprovedContentProblem(`Bild ${index + 1} der Freigabe fehlt; nichts wurde gesendet.`);
      let bytes: Buffer;
      try {
        bytes = await handle.readFile();
      } finally {
        await handle.close();
      }
      if (createHash('sha256').update(bytes).digest('hex') !== image.contentHash) {
        throw new ApprovedContentProblem(`Bild ${index + 1} ist nicht mehr die freigegebene Datei; nichts wurde gesendet.`);
      }
      media.push({ id: image.id, bytes, contentType: file.contentType, fileName: `${image.id}.${EXTENSIONS[file.contentType] ?? 'bin'}`, altText: image.altText });
    }
    return { text: channel.text, media };
  }
}
