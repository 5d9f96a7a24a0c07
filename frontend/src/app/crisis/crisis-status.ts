import { Injectable, inject, signal } from '@angular/core';
import type { CrisisStatusView } from '@amtsplan/contracts';
import { type Observable, filter, map } from 'rxjs';
import { NotificationFeed, concernsOrganization } from '../notifications/notification-feed';
import { CrisisApi } from './crisis-api';

/**
 * The organization's crisis and Kommunikationsstopp for the banner on every page. Read on each
 * navigation and whenever the live stream reports a crisis change of the organization
 * (`changes`); the banner keeps a slow poll as a fallback, the crisis pages ask again after
 * each change of their own.
 */
@Injectable({ providedIn: 'root' })
export class CrisisStatus {
  private readonly api = inject(CrisisApi);
  private readonly feed = inject(NotificationFeed);
  readonly current = signal<{ orgId: string; status: CrisisStatusView } | null>(null);

  refresh(orgId: string): void {
    this.api.status(orgId).subscribe({
      next: (status) => this.current.set({ orgId, status }),
      // A member without the area or a failed read shows no banner rather than a wrong one.
      error: () => this.current.set(null),
    });
  }

  /** Emits when the live stream says the organization's crisis state changed (or may have). */
  changes(orgId: () => string): Observable<void> {
    return this.feed.crisisChanges.pipe(
      filter((changed) => concernsOrganization(changed, orgId())),
      map(() => undefined),
    );
  }
}
