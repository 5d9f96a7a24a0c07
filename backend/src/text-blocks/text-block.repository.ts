import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { RequestScope } from '../database/request-scope';
import { updateVersioned } from '../database/versioned-update';
import { TextBlockCategoryEntity } from './text-block-category.entity';
import { TextBlockSettingsEntity } from './text-block-settings.entity';
import { TextBlockVersionEntity } from './text-block-version.entity';
import { TextBlockEntity } from './text-block.entity';

export type NewTextBlock = Omit<TextBlockEntity, 'id' | 'organizationId' | 'organization' | 'version' | 'createdAt' | 'updatedAt' | 'usageCount' | 'lastUsedAt'>;
export type TextBlockChanges = Partial<Omit<NewTextBlock, 'createdByUserId'> & Pick<TextBlockEntity, 'usageCount' | 'lastUsedAt'>>;
export type NewTextBlockVersion = Omit<TextBlockVersionEntity, 'id' | 'organizationId' | 'organization' | 'textBlock' | 'category' | 'createdAt' | 'searchVector'>;

/** Text blocks, their versions, categories and settings in the current request's organization. */
@Injectable()
export class TextBlockRepository {
  find(id: string, options: { lock?: boolean } = {}): Promise<TextBlockEntity | null> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().findOne(TextBlockEntity, { where: { id, organizationId }, ...(options.lock ? { lock: { mode: 'pessimistic_write' } } : {}) });
  }

  findByShortCode(shortCode: string): Promise<TextBlockEntity | null> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().findOne(TextBlockEntity, { where: { shortCode, organizationId } });
  }

  async create(values: NewTextBlock): Promise<string> {
    const { organizationId } = RequestScope.organization();
    const id = randomUUID();
    await RequestScope.manager().insert(TextBlockEntity, { id, organizationId, ...values } as never);
    return id;
  }

  update(id: string, version: number, changes: TextBlockChanges): Promise<boolean> {
    return updateVersioned(TextBlockEntity, 'text_block', id, version, changes);
  }

  /** Changes that are not the editor's (approval outcome, use counter): no version check, but a version bump so open editors reload. */
  async touch(id: string, changes: TextBlockChanges): Promise<void> {
    const { organizationId } = RequestScope.organization();
    await RequestScope.manager()
      .createQueryBuilder()
      .update(TextBlockEntity)
      .set({ ...changes, version: () => 'version + 1' } as never)
      .where('id = :id AND organization_id = :organizationId', { id, organizationId })
      .execute();
  }

  version(id: string, options: { lock?: boolean } = {}): Promise<TextBlockVersionEntity | null> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().findOne(TextBlockVersionEntity, { where: { id, organizationId }, ...(options.lock ? { lock: { mode: 'pessimistic_write' } } : {}) });
  }

  versions(ids: readonly string[]): Promise<TextBlockVersionEntity[]> {
    if (ids.length === 0) return Promise.resolve([]);
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().find(TextBlockVersionEntity, { where: { id: In([...ids]), organizationId } });
  }

  versionsOf(textBlockId: string): Promise<TextBlockVersionEntity[]> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().find(TextBlockVersionEntity, { where: { textBlockId, organizationId }, order: { number: 'ASC' } });
  }

  async createVersion(values: NewTextBlockVersion, id: string = randomUUID()): Promise<string> {
    const { organizationId } = RequestScope.organization();
    await RequestScope.manager().insert(TextBlockVersionEntity, { id, organizationId, ...values } as never);
    return id;
  }

  async updateVersion(id: string, changes: Partial<NewTextBlockVersion>): Promise<void> {
    const { organizationId } = RequestScope.organization();
    await RequestScope.manager().update(TextBlockVersionEntity, { id, organizationId }, changes as never);
  }

  /** The most recent approval request of each version. */
  async latestRequests(versionIds: readonly string[]): Promise<Map<string, { id: string; status: string }>> {
    if (versionIds.length === 0) return new Map();
    const { organizationId } = RequestScope.organization();
    const rows: Array<{ versionId: string; id: string; status: string }> = await RequestScope.manager().query(
      `SELECT DISTINCT ON (text_block_version_id) text_block_version_id AS "versionId", id, status FROM approval_requests
        WHERE organization_id = $1 AND text_block_version_id = ANY($2::uuid[]) ORDER BY text_block_version_id, submitted_at DESC`,
      [organizationId, [...versionIds]],
    );
    return new Map(rows.map((r) => [r.versionId, { id: r.id, status: r.status }]));
  }

  categories(): Promise<TextBlockCategoryEntity[]> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().find(TextBlockCategoryEntity, { where: { organizationId }, order: { position: 'ASC', name: 'ASC' } });
  }

  settings(): Promise<TextBlockSettingsEntity> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().findOneOrFail(TextBlockSettingsEntity, { where: { organizationId } });
  }

  updateSettings(id: string, version: number, changes: Partial<Pick<TextBlockSettingsEntity, 'addressForm' | 'placeholders'>>): Promise<boolean> {
    return updateVersioned(TextBlockSettingsEntity, 'text_block_settings', id, version, changes);
  }

  shortCodesAfter(after: string, take: number): Promise<Array<{ id: string; shortCode: string }>> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().query(
      `SELECT id, short_code AS "shortCode" FROM text_blocks WHERE organization_id = $1 AND short_code > $2 ORDER BY short_code LIMIT $3`,
      [organizationId, after, take],
    );
  }

  async lock(id: string): Promise<void> {
    const { organizationId } = RequestScope.organization();
    await RequestScope.manager().query('SELECT 1 FROM text_blocks WHERE id = $1 AND organization_id = $2 FOR UPDATE', [id, organizationId]);
  }
}
