import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ConfirmPublicationRequest, MarkPublicationFailedRequest, PostPublicationsView } from '@amtsplan/contracts';
import type { Observable } from 'rxjs';

/** What a person sees and decides about a post's publications; every change answers the new view. */
@Injectable({ providedIn: 'root' })
export class PublicationPanelApi {
  private readonly http = inject(HttpClient);

  list(organizationId: string, postId: string): Observable<PostPublicationsView> {
    return this.http.get<PostPublicationsView>(publicationsUrl(organizationId, postId));
  }

  confirm(organizationId: string, postId: string, channelId: string, request: ConfirmPublicationRequest): Observable<PostPublicationsView> {
    return this.http.post<PostPublicationsView>(`${publicationUrl(organizationId, postId, channelId)}/confirm`, request);
  }

  markFailed(organizationId: string, postId: string, channelId: string, request: MarkPublicationFailedRequest): Observable<PostPublicationsView> {
    return this.http.post<PostPublicationsView>(`${publicationUrl(organizationId, postId, channelId)}/mark-failed`, request);
  }

  /** "Jetzt doch veröffentlichen" (missed) or "Erneut versuchen" (failed); 409 when someone was quicker. */
  sendBack(organizationId: string, postId: string, channelId: string, action: 'publish-late' | 'retry'): Observable<PostPublicationsView> {
    return this.http.post<PostPublicationsView>(`${publicationUrl(organizationId, postId, channelId)}/${action}`, {});
  }
}

function publicationsUrl(organizationId: string, postId: string): string {
  return `/api/orgs/${encodeURIComponent(organizationId)}/posts/${encodeURIComponent(postId)}/publications`;
}

function publicationUrl(organizationId: string, postId: string, channelId: string): string {
  return `${publicationsUrl(organizationId, postId)}/${encodeURIComponent(channelId)}`;
}
