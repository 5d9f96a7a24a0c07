import { Injectable, inject, signal } from '@angular/core';
import type { CrisisStatusView } from '@amtsplan/contracts';
import { CrisisApi } from './crisis-api';

/**
 * The organization's crisis and Kommunikationsstopp for the banner on every page. Read on each
 * navigation and every 30 seconds by the banner; the crisis pages ask again after each change.
 */
@Injectable({ providedIn: 'root' })
export class CrisisStatus {
  private readonly api = inject(CrisisApi);
  readonly current = signal<{ orgId: string; status: CrisisStatusView } | null>(null);

  refresh(orgId: string): void {
    this.api.status(orgId).subscribe({
      next: (status) => this.current.set({ orgId, status }),
      // A member without the area or a failed read shows no banner rather than a wrong one.
      error: () => this.current.set(null),
    });
  }
}
