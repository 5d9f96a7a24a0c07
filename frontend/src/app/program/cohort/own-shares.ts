import { Injectable, computed, inject, signal } from '@angular/core';
import type { ShareView } from '@amtsplan/contracts';
import { ProgramApi } from '../program-api';

/**
 * What the signed-in participant has shared into their cohort, so that the places where their own
 * results are (a reflection, a poster section) can offer "teilen" or "zurückziehen". Provided per
 * page: each page reads the cohort once, and a withdrawal removes the share here at once.
 */
@Injectable()
export class OwnShares {
  private readonly api = inject(ProgramApi);
  private readonly shares = signal<readonly ShareView[]>([]);
  private readonly cohortId = signal<string | null>(null);
  /** The cohort being watched, for withdrawals. */
  readonly cohort = this.cohortId.asReadonly();

  readonly byExercise = computed(() => new Map(this.shares().flatMap((share) => (share.own && share.exerciseId ? [[share.exerciseId, share] as const] : []))));
  readonly byTitle = computed(() => new Map(this.shares().flatMap((share) => (share.own ? [[share.title, share] as const] : []))));

  /** Reads the cohort's shares; a failure leaves the list empty (sharing is offered, the server decides). */
  watch(cohortId: string): void {
    if (this.cohortId() === cohortId) return;
    this.cohortId.set(cohortId);
    this.api.cohort(cohortId).subscribe({ next: (cohort) => this.shares.set(cohort.shares), error: () => this.shares.set([]) });
  }

  added(share: ShareView): void {
    this.shares.update((list) => [share, ...list.filter((s) => s.id !== share.id)]);
  }

  removed(shareId: string): void {
    this.shares.update((list) => list.filter((s) => s.id !== shareId));
  }
}
