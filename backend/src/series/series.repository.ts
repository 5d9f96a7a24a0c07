import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { RequestScope } from '../database/request-scope';
import { updateVersioned } from '../database/versioned-update';
import { SeriesEntity } from './series.entity';

export type SeriesColumns = Omit<SeriesEntity, 'id' | 'organizationId' | 'organization' | 'topic' | 'createdAt' | 'version'>;

/** Series of the current request's organization. */
@Injectable()
export class SeriesRepository {
  list(): Promise<SeriesEntity[]> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().find(SeriesEntity, { where: { organizationId }, order: { name: 'ASC' } });
  }

  find(id: string): Promise<SeriesEntity | null> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().findOne(SeriesEntity, { where: { id, organizationId } });
  }

  findByName(name: string): Promise<SeriesEntity | null> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().findOne(SeriesEntity, { where: { name, organizationId } });
  }

  activeOrOne(seriesId?: string): Promise<SeriesEntity[]> {
    const { organizationId } = RequestScope.organization();
    return RequestScope.manager().find(SeriesEntity, { where: seriesId ? { id: seriesId, organizationId } : { organizationId, active: true } });
  }

  async create(values: SeriesColumns): Promise<string> {
    const { organizationId } = RequestScope.organization();
    const id = randomUUID();
    await RequestScope.manager().insert(SeriesEntity, { id, organizationId, ...values });
    return id;
  }

  update(id: string, version: number, changes: Partial<SeriesColumns>): Promise<boolean> {
    return updateVersioned(SeriesEntity, 'series', id, version, changes);
  }

  /** Which slots in the window already carry a post: slot instant (ms) → post id, per series. */
  async filledSlots(seriesIds: readonly string[], from: Date, to: Date): Promise<Map<string, Map<number, string>>> {
    const filled = new Map<string, Map<number, string>>(seriesIds.map((id) => [id, new Map()]));
    if (seriesIds.length === 0) return filled;
    const { organizationId } = RequestScope.organization();
    const rows: Array<{ id: string; seriesId: string; slotAt: Date }> = await RequestScope.manager()
      .createQueryBuilder()
      .select(['p.id AS "id"', 'p.series_id AS "seriesId"', 'p.series_slot_at AS "slotAt"'])
      .from('posts', 'p')
      .where('p.organization_id = :organizationId AND p.series_id IN (:...seriesIds)', { organizationId, seriesIds: [...seriesIds] })
      .andWhere('p.series_slot_at >= :from AND p.series_slot_at < :to', { from, to })
      .getRawMany();
    for (const row of rows) filled.get(row.seriesId)?.set(new Date(row.slotAt).getTime(), row.id);
    return filled;
  }
}
