import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { PlanEntryView, PostListQuery } from '@amtsplan/contracts';
import type { Observable } from 'rxjs';
import { queryParams } from './post-query';

/**
 * The calendar's, the planning view's and the Themenspeicher's read: posts as plan entries
 * (what the grid places, colours and moves), under the same query as the post list. The
 * editor reads the whole post itself.
 */
@Injectable({ providedIn: 'root' })
export class PlanEntriesApi {
  private readonly http = inject(HttpClient);

  list(organizationId: string, query: PostListQuery): Observable<PlanEntryView[]> {
    return this.http.get<PlanEntryView[]>(`/api/orgs/${encodeURIComponent(organizationId)}/plan-entries`, { params: queryParams(query) });
  }
}
