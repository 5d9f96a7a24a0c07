import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RequestScope } from '../database/request-scope';
import { updateVersioned } from '../database/versioned-update';
import { ApprovalSettingsEntity } from './approval-settings.entity';

export type ApprovalSettingsChanges = Partial<Pick<ApprovalSettingsEntity, 'allowSelfApproval' | 'electionBlackoutPeriods'>>;

/** The current organization's approval settings. */
@Injectable()
export class ApprovalSettingsRepository {
  /**
   * The settings row, created with the defaults when missing (every organization gets one when
   * it is created; this covers one created by other means).
   */
  async current(): Promise<ApprovalSettingsEntity> {
    const { organizationId } = RequestScope.organization();
    const manager = RequestScope.manager();
    const found = await manager.findOne(ApprovalSettingsEntity, { where: { organizationId } });
    if (found) return found;
    await manager
      .createQueryBuilder()
      .insert()
      .into(ApprovalSettingsEntity)
      .values({ id: randomUUID(), organizationId })
      .orIgnore()
      .updateEntity(false)
      .execute();
    return manager.findOneOrFail(ApprovalSettingsEntity, { where: { organizationId } });
  }

  update(id: string, version: number, changes: ApprovalSettingsChanges): Promise<boolean> {
    return updateVersioned(ApprovalSettingsEntity, 'approval_settings', id, version, changes as Record<string, unknown>);
  }
}
