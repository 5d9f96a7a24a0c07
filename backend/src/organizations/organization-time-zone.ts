import { localDateOf } from '@amtsplan/domain';
import { LRUCache } from 'lru-cache';
import { RequestScope } from '../database/request-scope';

/**
 * Time zones of the organizations this process has read. An organization's time zone is set
 * when it is created and never changed, so it is read once (in a request's scoped transaction,
 * under row-level security like any read) and then taken from here.
 */
const known = new LRUCache<string, string>({ max: 10_000 });

/** The time zone of the request's organization. */
export async function organizationTimeZone(): Promise<string> {
  const { organizationId } = RequestScope.organization();
  const cached = known.get(organizationId);
  if (cached !== undefined) return cached;
  const [row]: Array<{ timeZone: string }> = await RequestScope.manager().query('SELECT time_zone AS "timeZone" FROM organizations WHERE id = $1', [organizationId]);
  if (!row) throw new Error(`Organization ${organizationId} not found`);
  known.set(organizationId, row.timeZone);
  return row.timeZone;
}

/** Today in the organization's time zone: validity and review dates are its calendar days. */
export async function organizationToday(now = new Date()): Promise<string> {
  return localDateOf(now, await organizationTimeZone());
}
