import { Injectable } from '@nestjs/common';
import type { StarterPackResult } from '@amtsplan/contracts';
import { STARTER_PACK, starterBody } from '@amtsplan/domain';
import { AuditLog } from '../audit/audit-log';
import { TextBlockRepository } from './text-block.repository';
import { TextBlocksService } from './text-blocks.service';

/**
 * Loads the starter pack (STARTER_PACK) in the organization's form of address as drafts owned
 * by the admin who loads it. Blocks whose short code exists are left alone, so loading twice
 * adds nothing; the drafts still need the Freigabe before anyone can insert them.
 */
@Injectable()
export class TextBlockStarterPack {
  constructor(
    private readonly repository: TextBlockRepository,
    private readonly blocks: TextBlocksService,
    private readonly audit: AuditLog,
  ) {}

  async load(): Promise<StarterPackResult> {
    const settings = await this.repository.settings();
    const categories = new Map((await this.repository.categories()).map((c) => [c.name, c.id]));
    let created = 0;
    let skipped = 0;
    for (const block of STARTER_PACK) {
      const categoryId = categories.get(block.category);
      if (!categoryId || (await this.repository.findByShortCode(block.shortCode))) {
        skipped++;
        continue;
      }
      await this.blocks.create(
        { title: block.title, shortCode: block.shortCode, body: starterBody(block, settings.addressForm), categoryId, platforms: [], tags: [...block.tags] },
        { audit: false },
      );
      created++;
    }
    await this.audit.recordInOrganization({ action: 'text_block.starter_pack_loaded', objectType: 'text_block', objectId: undefined, details: { created, skipped, addressForm: settings.addressForm } });
    return { created, skipped };
  }
}
