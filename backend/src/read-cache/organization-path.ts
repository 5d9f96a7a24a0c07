/** `/api/orgs/<uuid>/…`: the organization a request's URL belongs to. */
const ORGANIZATION_PATH = /^\/api\/orgs\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\//i;

/** The organization id in the request's URL, as written there; undefined outside an organization. */
export function organizationIdInPath(url: string): string | undefined {
  return ORGANIZATION_PATH.exec(url)?.[1];
}
