import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CalendarFeedCreated,
  CalendarFeedView,
  PlanExportFormat,
  PlanImportMapping,
  PlanImportMode,
  PlanImportPreview,
  PlanImportResult,
  PostListQuery,
} from '@amtsplan/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from '../plan/post-query';

/** Import, export and the calendar subscription of one authority's plan. */
@Injectable({ providedIn: 'root' })
export class PlanExchangeApi {
  private readonly http = inject(HttpClient);

  preview(organizationId: string, file: File): Observable<PlanImportPreview> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<PlanImportPreview>(`${orgUrl(organizationId)}/plan-import/preview`, form);
  }

  import(organizationId: string, file: File, mapping: PlanImportMapping, mode: PlanImportMode): Observable<PlanImportResult> {
    // Fields before the file: the server reads the multipart stream in order.
    const form = new FormData();
    form.append('mapping', JSON.stringify(mapping));
    form.append('mode', mode);
    form.append('file', file, file.name);
    return this.http.post<PlanImportResult>(`${orgUrl(organizationId)}/plan-import`, form);
  }

  feeds(organizationId: string): Observable<CalendarFeedView[]> {
    return this.http.get<CalendarFeedView[]>(`${orgUrl(organizationId)}/calendar-feeds`);
  }

  createFeed(organizationId: string, label: string): Observable<CalendarFeedCreated> {
    return this.http.post<CalendarFeedCreated>(`${orgUrl(organizationId)}/calendar-feeds`, { label });
  }

  revokeFeed(organizationId: string, feedId: string): Observable<unknown> {
    return this.http.delete(`${orgUrl(organizationId)}/calendar-feeds/${encodeURIComponent(feedId)}`);
  }
}

/** A plain link: the browser downloads the file with the session cookie, nothing is held in memory. */
export function planExportUrl(organizationId: string, format: PlanExportFormat, query: PostListQuery): string {
  const params = new HttpParams({ fromObject: { format, ...queryParams(query) } });
  return `${orgUrl(organizationId)}/plan-export?${params.toString()}`;
}

function orgUrl(organizationId: string): string {
  return `/api/orgs/${encodeURIComponent(organizationId)}`;
}
