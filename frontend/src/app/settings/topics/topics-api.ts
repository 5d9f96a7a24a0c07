import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateTopicRequest, TopicView, UpdateTopicRequest } from '@amtsplan/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class TopicsApi {
  private readonly http = inject(HttpClient);

  list(organizationId: string): Observable<TopicView[]> {
    return this.http.get<TopicView[]>(topicsUrl(organizationId));
  }

  create(organizationId: string, request: CreateTopicRequest): Observable<TopicView> {
    return this.http.post<TopicView>(topicsUrl(organizationId), request);
  }

  update(organizationId: string, topicId: string, change: UpdateTopicRequest): Observable<TopicView> {
    return this.http.patch<TopicView>(`${topicsUrl(organizationId)}/${encodeURIComponent(topicId)}`, change);
  }
}

function topicsUrl(organizationId: string): string {
  return `/api/orgs/${encodeURIComponent(organizationId)}/topics`;
}
