import { Injectable } from '@nestjs/common';
import { canonicalPlaybookContent, type PlaybookContent, type PlaybookVersionStatus } from '@amtsplan/domain';
import { createHash, randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { RequestScope } from '../database/request-scope';
import { updateVersioned } from '../database/versioned-update';
import { PlaybookEntity, PlaybookVersionEntity } from './playbook.entity';

export function playbookContentHash(content: PlaybookContent): string {
  return createHash('sha256').update(canonicalPlaybookContent(content)).digest('hex');
}

export interface StoredPlaybook {
  readonly playbook: PlaybookEntity;
  readonly current: PlaybookVersionEntity;
  readonly approvedVersionNumber: number | null;
}

/** Playbooks and their versions in the current request's organization. */
@Injectable()
export class PlaybookRepository {
  async list(): Promise<StoredPlaybook[]> {
    const { organizationId } = RequestScope.organization();
    const playbooks = await RequestScope.manager().find(PlaybookEntity, { where: { organizationId }, order: { createdAt: 'ASC' } });
    return this.withVersions(playbooks);
  }

  async find(id: string): Promise<StoredPlaybook | null> {
    const { organizationId } = RequestScope.organization();
    const playbook = await RequestScope.manager().findOne(PlaybookEntity, { where: { id, organizationId } });
    return playbook ? ((await this.withVersions([playbook]))[0] ?? null) : null;
  }

  private async withVersions(playbooks: PlaybookEntity[]): Promise<StoredPlaybook[]> {
    if (!playbooks.length) return [];
    const { organizationId } = RequestScope.organization();
    const versions = await RequestScope.manager().find(PlaybookVersionEntity, {
      where: { organizationId, playbookId: In(playbooks.map((p) => p.id)) },
      order: { number: 'ASC' },
    });
    return playbooks.flatMap((playbook) => {
      const own = versions.filter((v) => v.playbookId === playbook.id);
      const current = own.find((v) => v.id === playbook.currentVersionId) ?? own[own.length - 1];
      if (!current) return [];
      const approved = own.filter((v) => v.status === 'approved').map((v) => v.number);
      return [{ playbook, current, approvedVersionNumber: approved.length ? Math.max(...approved) : null }];
    });
  }

  async create(values: { content: PlaybookContent; templateKey: string | null; ownerUserId: string | null; nextReviewOn: string | null }): Promise<string> {
    const { organizationId, userId } = RequestScope.organization();
    const manager = RequestScope.manager();
    const id = randomUUID();
    const versionId = randomUUID();
    await manager.insert(PlaybookEntity, { id, organizationId, templateKey: values.templateKey, ownerUserId: values.ownerUserId, nextReviewOn: values.nextReviewOn } as never);
    await manager.insert(PlaybookVersionEntity, {
      id: versionId,
      organizationId,
      playbookId: id,
      number: 1,
      content: values.content,
      contentHash: playbookContentHash(values.content),
      status: 'draft',
      createdByUserId: userId,
      editorUserIds: [userId],
    } as never);
    await manager.update(PlaybookEntity, { id, organizationId }, { currentVersionId: versionId });
    return id;
  }

  update(id: string, version: number, changes: Partial<Pick<PlaybookEntity, 'ownerUserId' | 'lastReviewedOn' | 'nextReviewOn' | 'currentVersionId' | 'reviewRemindedFor'>>): Promise<boolean> {
    return updateVersioned(PlaybookEntity, 'playbook', id, version, changes as Record<string, unknown>);
  }

  /** Writes a never-submitted draft in place; the writer joins its editors (four-eyes). */
  async replaceDraftContent(versionId: string, content: PlaybookContent): Promise<void> {
    const { organizationId, userId } = RequestScope.organization();
    await RequestScope.manager()
      .createQueryBuilder()
      .update(PlaybookVersionEntity)
      .set({ content, contentHash: playbookContentHash(content), editorUserIds: () => 'array(SELECT DISTINCT unnest(array_append(editor_user_ids, CAST(:editorId AS uuid))))' } as never)
      .where("id = :versionId AND organization_id = :organizationId AND status = 'draft' AND NOT submitted", { versionId, organizationId })
      .setParameter('editorId', userId)
      .execute();
  }

  async addVersion(playbookId: string, number: number, content: PlaybookContent): Promise<string> {
    const { organizationId, userId } = RequestScope.organization();
    const id = randomUUID();
    await RequestScope.manager().insert(PlaybookVersionEntity, {
      id,
      organizationId,
      playbookId,
      number,
      content,
      contentHash: playbookContentHash(content),
      status: 'draft',
      createdByUserId: userId,
      editorUserIds: [userId],
    } as never);
    return id;
  }

  /** The status follows the version's approval request (PlaybookApproval); `approvedAt` with it. */
  async updateVersion(versionId: string, changes: { status?: PlaybookVersionStatus; submitted?: boolean }): Promise<void> {
    const { organizationId } = RequestScope.organization();
    const approvedAt = changes.status === undefined ? {} : { approvedAt: changes.status === 'approved' ? new Date() : null };
    await RequestScope.manager().update(PlaybookVersionEntity, { id: versionId, organizationId }, { ...changes, ...approvedAt });
  }

  versions(ids: readonly string[]): Promise<PlaybookVersionEntity[]> {
    if (!ids.length) return Promise.resolve([]);
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().find(PlaybookVersionEntity, { where: { organizationId, id: In([...ids]) } });
  }

  /** Changes that are not the editor's (approval outcome): no version check, but a version bump so open editors reload. */
  async touch(id: string): Promise<void> {
    const { organizationId } = RequestScope.organization();
    await RequestScope.manager()
      .createQueryBuilder()
      .update(PlaybookEntity)
      .set({ version: () => 'version + 1' } as never)
      .where('id = :id AND organization_id = :organizationId', { id, organizationId })
      .execute();
  }

  async lock(id: string): Promise<void> {
    const { organizationId } = RequestScope.organization();
    await RequestScope.manager().query('SELECT 1 FROM playbooks WHERE id = $1 AND organization_id = $2 FOR UPDATE', [id, organizationId]);
  }

  /** The latest approval request of each version, for links from the editor to the Freigabe. */
  async latestRequests(versionIds: readonly string[]): Promise<Map<string, string>> {
    if (!versionIds.length) return new Map();
    const { organizationId } = RequestScope.organization();
    const rows: { versionId: string; requestId: string }[] = await RequestScope.manager().query(
      `SELECT DISTINCT ON (playbook_version_id) playbook_version_id AS "versionId", id AS "requestId"
         FROM approval_requests WHERE organization_id = $1 AND playbook_version_id = ANY($2::uuid[])
        ORDER BY playbook_version_id, submitted_at DESC`,
      [organizationId, [...versionIds]],
    );
    return new Map(rows.map((r) => [r.versionId, r.requestId]));
  }

  async remove(id: string): Promise<void> {
    const { organizationId } = RequestScope.organization();
    await RequestScope.manager().delete(PlaybookEntity, { id, organizationId });
  }
}
