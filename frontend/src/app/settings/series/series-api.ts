import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateSeriesRequest, PostView, SeriesSlotView, SeriesView, UpdateSeriesRequest } from '@amtsplan/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class SeriesApi {
  private readonly http = inject(HttpClient);

  list(organizationId: string): Observable<SeriesView[]> {
    return this.http.get<SeriesView[]>(seriesUrl(organizationId));
  }

  create(organizationId: string, request: CreateSeriesRequest): Observable<SeriesView> {
    return this.http.post<SeriesView>(seriesUrl(organizationId), request);
  }

  update(organizationId: string, seriesId: string, change: UpdateSeriesRequest): Observable<SeriesView> {
    return this.http.patch<SeriesView>(`${seriesUrl(organizationId)}/${encodeURIComponent(seriesId)}`, change);
  }

  /** Every slot of every active series in the window, filled or open; `from`/`to` are instants. */
  slots(organizationId: string, from: string, to: string): Observable<SeriesSlotView[]> {
    const params = new HttpParams().set('from', from).set('to', to);
    return this.http.get<SeriesSlotView[]>(`${seriesUrl(organizationId)}/slots`, { params });
  }

  /** Creates the post for a slot; 409 when someone filled it first. */
  fill(organizationId: string, seriesId: string, at: string): Observable<PostView> {
    return this.http.post<PostView>(`${seriesUrl(organizationId)}/${encodeURIComponent(seriesId)}/slots`, { at });
  }
}

function seriesUrl(organizationId: string): string {
  return `/api/orgs/${encodeURIComponent(organizationId)}/series`;
}
