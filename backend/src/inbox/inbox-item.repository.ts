import { Injectable } from '@nestjs/common';
import { RequestScope } from '../database/request-scope';
import { updateVersioned } from '../database/versioned-update';
import { ProblemException } from '../http/problem.exception';
import { InboxItemEntity } from './inbox-item.entity';

/** Inbox items of the current organization. */
@Injectable()
export class InboxItemRepository {
  async find(id: string): Promise<InboxItemEntity> {
    const { organizationId, role, userId } = RequestScope.organization();
    const item = await RequestScope.manager().findOne(InboxItemEntity, { where: { id, organizationId } });
    // The Fachbereich sees only what was forwarded to it (data minimisation).
    if (!item || (role === 'contributor' && item.departmentUserId !== userId)) throw ProblemException.notFound('Diesen Eintrag im Posteingang gibt es nicht.');
    return item;
  }

  async update(id: string, version: number, changes: Partial<InboxItemEntity>): Promise<void> {
    const found = await updateVersioned(InboxItemEntity, 'inbox_item', id, version, changes as Record<string, unknown>);
    if (!found) throw ProblemException.notFound('Diesen Eintrag im Posteingang gibt es nicht.');
  }
}
