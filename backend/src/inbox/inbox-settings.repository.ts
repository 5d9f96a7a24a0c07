import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { isBundesland, type ResponseClockSettings } from '@amtsplan/domain';
import { RequestScope } from '../database/request-scope';
import { OrganizationEntity } from '../organizations/organization.entity';
import { InboxSettingsEntity } from './inbox-records.entity';

/** The current organization's inbox settings (created with the defaults when missing). */
@Injectable()
export class InboxSettingsRepository {
  async current(): Promise<InboxSettingsEntity> {
    const { organizationId } = RequestScope.organization();
    const manager = RequestScope.manager();
    const found = await manager.findOne(InboxSettingsEntity, { where: { organizationId } });
    if (found) return found;
    await manager.createQueryBuilder().insert().into(InboxSettingsEntity).values({ id: randomUUID(), organizationId }).orIgnore().updateEntity(false).execute();
    return manager.findOneOrFail(InboxSettingsEntity, { where: { organizationId } });
  }

  /** Office hours, zone, Land and target as the response clock needs them. */
  async clockSettings(): Promise<ResponseClockSettings> {
    const settings = await this.current();
    const organization = await RequestScope.manager().findOneOrFail(OrganizationEntity, { where: { id: settings.organizationId } });
    return toClockSettings(settings, organization);
  }
}

export function toClockSettings(settings: InboxSettingsEntity, organization: Pick<OrganizationEntity, 'timeZone' | 'bundesland'>): ResponseClockSettings {
  return {
    officeHours: { weekdays: settings.officeWeekdays, start: settings.officeStart, end: settings.officeEnd },
    timeZone: organization.timeZone,
    bundesland: isBundesland(organization.bundesland) ? organization.bundesland : 'BE',
    targetHours: settings.responseTargetHours,
  };
}
