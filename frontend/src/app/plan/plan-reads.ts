import { Injectable, inject } from '@angular/core';
import type { PlanEntryView, SeriesSlotView } from '@amtsplan/contracts';
import { type Observable, forkJoin, map } from 'rxjs';
import { SeriesApi } from '../settings/series/series-api';
import { PlanEntriesApi } from './plan-entries-api';
import type { PlanFilters } from './plan-location';
import { type PlanReferences, PlanReferencesApi } from './plan-references';
import { backlogQuery, plannedPostsQuery } from './post-query';
import { type DayRange, rangeInAnyZone } from './shown-days';

/** What the calendar and the planning view show for a range of days. */
export interface PlanWindow {
  readonly entries: readonly PlanEntryView[];
  readonly slots: readonly SeriesSlotView[];
}

/**
 * The plan's reads: its references, the entries and open series slots of the days on screen,
 * and the Themenspeicher. Their first answers are often on their way already (plan-first-reads.ts).
 */
@Injectable({ providedIn: 'root' })
export class PlanReads {
  private readonly referencesApi = inject(PlanReferencesApi);
  private readonly entriesApi = inject(PlanEntriesApi);
  private readonly seriesApi = inject(SeriesApi);

  references(organizationId: string): Observable<PlanReferences> {
    return this.referencesApi.load(organizationId);
  }

  /** The entries and open slots of these days, asked for without the authority's zone (see rangeInAnyZone). */
  window(organizationId: string, days: DayRange, filters: PlanFilters): Observable<PlanWindow> {
    const range = rangeInAnyZone(days);
    return forkJoin({
      entries: this.entriesApi.list(organizationId, plannedPostsQuery(filters, range)),
      // Slots belong to a series; with a series filter only that series' slots are of interest.
      slots: this.seriesApi
        .slots(organizationId, range.from, range.to)
        .pipe(map((slots) => (filters.seriesId ? slots.filter((slot) => slot.seriesId === filters.seriesId) : slots))),
    });
  }

  backlog(organizationId: string, filters: PlanFilters): Observable<readonly PlanEntryView[]> {
    return this.entriesApi.list(organizationId, backlogQuery(filters));
  }
}

/** The same entries in the same order, field for field (the answers are plain JSON). */
export function samePlanEntries(a: readonly PlanEntryView[], b: readonly PlanEntryView[]): boolean {
  return a === b || (a.length === b.length && JSON.stringify(a) === JSON.stringify(b));
}

/** The same entries and open slots, field for field. */
export function samePlanWindow(a: PlanWindow, b: PlanWindow): boolean {
  return a === b || (samePlanEntries(a.entries, b.entries) && a.slots.length === b.slots.length && JSON.stringify(a.slots) === JSON.stringify(b.slots));
}
