import { Injectable } from '@nestjs/common';
import type { TextBlockHit, TextBlockVersionView, TextBlockView } from '@amtsplan/contracts';
import { localDateOf, textBlockStatus, type TextBlockVersionStatus } from '@amtsplan/domain';
import { In } from 'typeorm';
import { RequestScope } from '../database/request-scope';
import { OrganizationEntity } from '../organizations/organization.entity';
import { UserEntity } from '../users/user.entity';
import type { TextBlockSearchRow } from './text-block-search';
import type { TextBlockVersionEntity } from './text-block-version.entity';
import type { TextBlockEntity } from './text-block.entity';
import { TextBlockRepository } from './text-block.repository';

type Person = { id: string; displayName: string };

export async function organizationTimeZone(): Promise<string> {
  const { organizationId } = RequestScope.organization();
  const organization = await RequestScope.manager().findOneOrFail(OrganizationEntity, { where: { id: organizationId }, select: { id: true, timeZone: true } });
  return organization.timeZone;
}

/** Today in the organization's time zone: validity and review dates are its calendar days. */
export async function organizationToday(now = new Date()): Promise<string> {
  return localDateOf(now, await organizationTimeZone());
}

/** Builds TextBlockView and search hits: names of owners, categories, statuses. */
@Injectable()
export class TextBlockViews {
  constructor(private readonly repository: TextBlockRepository) {}

  async block(block: TextBlockEntity): Promise<TextBlockView> {
    const versions = await this.repository.versionsOf(block.id);
    const today = await organizationToday();
    const categories = new Map((await this.repository.categories()).map((c) => [c.id, c.name]));
    const requests = await this.repository.latestRequests(versions.map((v) => v.id));
    const people = await this.people([block.ownerUserId]);
    const latest = versions.find((v) => v.id === block.latestVersionId) ?? versions[versions.length - 1];
    const approved = versions.find((v) => v.id === block.approvedVersionId) ?? null;
    const view = (v: TextBlockVersionEntity): TextBlockVersionView => ({
      id: v.id,
      number: v.number,
      title: v.title,
      body: { sie: v.bodySie, du: v.bodyDu },
      category: { id: v.categoryId, name: categories.get(v.categoryId) ?? '' },
      platforms: v.platforms,
      status: v.status,
      approvalRequestId: requests.get(v.id)?.id ?? null,
      createdAt: v.createdAt.toISOString(),
    });
    return {
      id: block.id,
      shortCode: block.shortCode,
      status: textBlockStatus(versions.map((v) => ({ number: v.number, status: v.status })), block, today),
      owner: person(people, block.ownerUserId),
      tags: block.tags,
      validFrom: block.validFrom,
      validUntil: block.validUntil,
      reviewOn: block.reviewOn,
      usageCount: block.usageCount,
      lastUsedAt: block.lastUsedAt?.toISOString() ?? null,
      latest: view(latest),
      approved: approved ? view(approved) : null,
      version: block.version,
    };
  }

  /** Search rows as hits; the status is the block's, from its latest and approved version. */
  async hits(rows: readonly TextBlockSearchRow[], today: string): Promise<TextBlockHit[]> {
    const people = await this.people(rows.map((r) => r.ownerUserId));
    const latestStatus = new Map<string, TextBlockVersionStatus>();
    const latestIds = rows.filter((r) => r.latestVersionId !== r.versionId).map((r) => r.latestVersionId);
    for (const v of await this.repository.versions(latestIds)) latestStatus.set(v.id, v.status);
    return rows.map((r) => {
      const latest = (latestStatus.get(r.latestVersionId) ?? r.status) as TextBlockVersionStatus;
      // Only the order counts: an approved version older than the latest one, or the same one.
      const versions =
        r.approvedVersionId && r.approvedVersionId !== r.latestVersionId
          ? [{ number: 1, status: 'approved' as const }, { number: 2, status: latest }]
          : [{ number: 1, status: latest }];
      return {
        id: r.id,
        shortCode: r.shortCode,
        status: textBlockStatus(versions, r, today),
        tags: r.tags,
        usageCount: r.usageCount,
        lastUsedAt: r.lastUsedAt ? new Date(r.lastUsedAt).toISOString() : null,
        validUntil: r.validUntil,
        reviewOn: r.reviewOn,
        owner: person(people, r.ownerUserId),
        versionId: r.versionId,
        versionNumber: r.versionNumber,
        title: r.title,
        body: { sie: r.bodySie, du: r.bodyDu },
        category: { id: r.categoryId, name: r.categoryName },
        platforms: r.platforms,
      };
    });
  }

  async people(ids: readonly string[]): Promise<Map<string, Person>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const users = await RequestScope.manager().find(UserEntity, { where: { id: In(unique) }, select: { id: true, displayName: true } });
    return new Map(users.map((u) => [u.id, { id: u.id, displayName: u.displayName }]));
  }
}

function person(people: Map<string, Person>, id: string): Person {
  return people.get(id) ?? { id, displayName: 'Unbekannte Person' };
}
