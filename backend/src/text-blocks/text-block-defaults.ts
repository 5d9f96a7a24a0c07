import { DEFAULT_TEXT_BLOCK_CATEGORIES } from '@amtsplan/domain';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { TextBlockCategoryEntity } from './text-block-category.entity';
import { TextBlockSettingsEntity } from './text-block-settings.entity';

/**
 * What every new organization starts with for its text blocks: the default categories and
 * settings (form of address "Sie", no own placeholders). Runs in the transaction creating the
 * organization, also under the operator's scope (insert only, no RETURNING).
 */
export async function seedTextBlockDefaults(manager: EntityManager, organizationId: string): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(TextBlockCategoryEntity)
    .values(DEFAULT_TEXT_BLOCK_CATEGORIES.map((name, position) => ({ id: randomUUID(), organizationId, name, position: position + 1 })))
    .updateEntity(false)
    .execute();
  await manager
    .createQueryBuilder()
    .insert()
    .into(TextBlockSettingsEntity)
    .values({ id: randomUUID(), organizationId, addressForm: 'sie', placeholders: [] as never })
    .updateEntity(false)
    .execute();
}
