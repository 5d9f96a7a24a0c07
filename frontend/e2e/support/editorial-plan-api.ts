import type { APIResponse, Page } from '@playwright/test';

/**
 * Sets up channels, series and posts through the API in the browser's own session, so a test
 * starts from what it needs; the demo data has none of them.
 */
export class PlanApi {
  constructor(
    private readonly page: Page,
    readonly organizationId: string,
  ) {}

  async post<T>(path: string, body: unknown): Promise<T> {
    return this.json<T>(await this.page.request.post(this.url(path), { data: body, headers: await this.csrf() }));
  }

  async patch<T>(path: string, body: unknown): Promise<T> {
    return this.json<T>(await this.page.request.patch(this.url(path), { data: body, headers: await this.csrf() }));
  }

  async put<T>(path: string, body: unknown): Promise<T> {
    return this.json<T>(await this.page.request.put(this.url(path), { data: body, headers: await this.csrf() }));
  }

  async get<T>(path: string): Promise<T> {
    return this.json<T>(await this.page.request.get(this.url(path)));
  }

  private url(path: string): string {
    return `/api/orgs/${this.organizationId}${path}`;
  }

  private async csrf(): Promise<Record<string, string>> {
    const cookie = (await this.page.context().cookies()).find((c) => c.name === 'XSRF-TOKEN');
    return cookie ? { 'x-xsrf-token': cookie.value } : {};
  }

  private async json<T>(response: APIResponse): Promise<T> {
    if (!response.ok()) throw new Error(`${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  }
}

/** The API of Stadt Musterstadt in the page's own session (the signed-in person must be a member). */
export async function musterstadtApi(page: Page): Promise<PlanApi> {
  const me = (await (await page.request.get('/api/auth/me')).json()) as { memberships: Array<{ organization: { id: string; name: string } }> };
  const membership = me.memberships.find((m) => m.organization.name === 'Stadt Musterstadt');
  if (!membership) throw new Error('not a member of Stadt Musterstadt');
  return new PlanApi(page, membership.organization.id);
}

const BERLIN_WALL_CLOCK = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** 'YYYY-MM-DDTHH:mm' on a Berlin wall clock, for comparing a stored instant with what the user chose. */
export function berlinWallClock(at: string): string {
  return BERLIN_WALL_CLOCK.format(new Date(at)).replace(' ', 'T');
}

/** The instant of a Berlin wall-clock time: whichever of the two offsets Berlin uses reads back as that time. */
export function berlinInstant(date: string, time: string): string {
  const candidates = ['+01:00', '+02:00'].map((offset) => new Date(`${date}T${time}:00${offset}`).toISOString());
  const match = candidates.find((candidate) => berlinWallClock(candidate) === `${date}T${time}`);
  if (!match) throw new Error(`${date} ${time} does not exist in Berlin`);
  return match;
}

/** 'YYYY-MM-DD' `days` after `date` (calendar days, no clock involved). */
export function addDays(date: string, days: number): string {
  const day = new Date(`${date}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/** The Monday of the week `date` lies in; the plan's weeks start on Monday. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** 'YYYY-MM-DD' in Berlin, `days` from today. */
export function berlinDay(days: number): string {
  const date = new Date(Date.now() + days * 24 * 60 * 60 * 1000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}
