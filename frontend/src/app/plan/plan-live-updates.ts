import { type Signal, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { asyncScheduler, filter, throttleTime } from 'rxjs';
import { NotificationFeed, concernsOrganization } from '../notifications/notification-feed';

/**
 * At most one refresh per this many milliseconds. The server already sends the `plan` event at
 * most once a second per organization; a reconnect adds one for every organization.
 */
export const PLAN_REFRESH_INTERVAL_MS = 1_000;

export interface PlanLiveUpdates {
  readonly organizationId: () => string;
  /** While true (a post is being dragged), a change waits; the refresh follows when it is false again. */
  readonly held: Signal<boolean>;
  /** Reads the plan again; the page keeps what it shows until the answer is in. */
  readonly refresh: () => void;
}

/**
 * Keeps an open plan current: what colleagues, the publisher or an import change in the
 * organization's posts is read again when the live stream's `plan` event says so, without a
 * reload of the page. After a reconnect (ANY_ORGANIZATION) the plan is read again too, since
 * changes may have been missed meanwhile. Call it in an injection context (a component field or
 * constructor); it stops with the component.
 */
export function followPlanChanges({ organizationId, held, refresh }: PlanLiveUpdates): void {
  const waiting = signal(false);
  inject(NotificationFeed)
    .planChanges.pipe(
      filter((changed) => concernsOrganization(changed, organizationId())),
      throttleTime(PLAN_REFRESH_INTERVAL_MS, asyncScheduler, { leading: true, trailing: true }),
      takeUntilDestroyed(),
    )
    .subscribe(() => waiting.set(true));
  effect(() => {
    if (!waiting() || held()) return;
    waiting.set(false);
    untracked(refresh);
  });
}
