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
    } as never);
    await manager.update(PlaybookEntity, { id, organizationId }, { currentVersionId: versionId });
    return id;
  }

  update(id: string, version: number, changes: Partial<Pick<PlaybookEntity, 'ownerUserId' | 'lastReviewedOn' | 'nextReviewOn' | 'currentVersionId' | 'reviewRemindedFor'>>): Promise<boolean> {
    return updateVersioned(PlaybookEntity, 'playbook', id, version, changes as Record<string, unknown>);
  }

  async replaceDraftContent(versionId: string, content: PlaybookContent): Promise<void> {
    const { organizationId } = RequestScope.organization();
    await RequestScope.manager().update(PlaybookVersionEntity, { id: versionId, organizationId, status: 'draft' }, { content, contentHash: playbookContentHash(content) });
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
    } as never);
    return id;
  }

  async setVersionStatus(versionId: string, status: PlaybookVersionStatus): Promise<void> {
    const { organizationId } = RequestScope.organization();
    await RequestScope.manager().update(PlaybookVersionEntity, { id: versionId, organizationId }, { status, approvedAt: status === 'approved' ? new Date() : null });
  }

  async remove(id: string): Promise<void> {
    const { organizationId } = RequestScope.organization();
    await RequestScope.manager().delete(PlaybookEntity, { id, organizationId });
  }
}
