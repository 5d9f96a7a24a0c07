import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { PostView, UpdatePostMediaRequest } from '@amtsplan/contracts';
import type { Observable } from 'rxjs';

/** The images of a post; every call answers with the whole post, whose version moved on. */
@Injectable({ providedIn: 'root' })
export class MediaApi {
  private readonly http = inject(HttpClient);

  upload(organizationId: string, postId: string, altText: string, file: File): Observable<PostView> {
    // The server reads the alt text before the file, so the field order matters.
    const body = new FormData();
    body.append('altText', altText);
    body.append('file', file, file.name);
    return this.http.post<PostView>(mediaUrl(organizationId, postId), body);
  }

  changeAltText(organizationId: string, postId: string, mediaId: string, change: UpdatePostMediaRequest): Observable<PostView> {
    return this.http.patch<PostView>(`${mediaUrl(organizationId, postId)}/${encodeURIComponent(mediaId)}`, change);
  }

  remove(organizationId: string, postId: string, mediaId: string): Observable<PostView> {
    return this.http.delete<PostView>(`${mediaUrl(organizationId, postId)}/${encodeURIComponent(mediaId)}`);
  }
}

function mediaUrl(organizationId: string, postId: string): string {
  return `/api/orgs/${encodeURIComponent(organizationId)}/posts/${encodeURIComponent(postId)}/media`;
}
