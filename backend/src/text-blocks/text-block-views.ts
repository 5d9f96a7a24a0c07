import { Injectable } from '@nestjs/common';
import type { TextBlockVersionView, TextBlockView } from '@amtsplan/contracts';
import { textBlockStatus } from '@amtsplan/domain';
import { In } from 'typeorm';
import { RequestScope } from '../database/request-scope';
import { organizationToday } from '../organizations/organization-time-zone';
import { UserEntity } from '../users/user.entity';
import type { TextBlockVersionEntity } from './text-block-version.entity';
import type { TextBlockEntity } from './text-block.entity';
import { TextBlockRepository } from './text-block.repository';

type Person = { id: string; displayName: string };

/** Builds TextBlockView: names of owners, categories, statuses (search hits: text-block-hit.ts). */
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
