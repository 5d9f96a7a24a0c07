import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreatePostRequest,
  MovePostRequest,
  PostCommentView,
  PostVersionView,
  PostView,
  UpdatePostRequest,
} from '@amtsplan/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class PostsApi {
  private readonly http = inject(HttpClient);

  get(organizationId: string, postId: string): Observable<PostView> {
    return this.http.get<PostView>(postUrl(organizationId, postId));
  }

  create(organizationId: string, request: CreatePostRequest): Observable<PostView> {
    return this.http.post<PostView>(postsUrl(organizationId), request);
  }

  /** Carries the version the person saw; the API answers 409 when someone saved in between. */
  update(organizationId: string, postId: string, change: UpdatePostRequest): Observable<PostView> {
    return this.http.patch<PostView>(postUrl(organizationId, postId), change);
  }

  move(organizationId: string, postId: string, move: MovePostRequest): Observable<PostView> {
    return this.http.post<PostView>(`${postUrl(organizationId, postId)}/status`, move);
  }

  versions(organizationId: string, postId: string): Observable<PostVersionView[]> {
    return this.http.get<PostVersionView[]>(`${postUrl(organizationId, postId)}/versions`);
  }

  comments(organizationId: string, postId: string): Observable<PostCommentView[]> {
    return this.http.get<PostCommentView[]>(`${postUrl(organizationId, postId)}/comments`);
  }

  addComment(organizationId: string, postId: string, body: string): Observable<PostCommentView[]> {
    return this.http.post<PostCommentView[]>(`${postUrl(organizationId, postId)}/comments`, { body });
  }
}

function postsUrl(organizationId: string): string {
  return `/api/orgs/${encodeURIComponent(organizationId)}/posts`;
}

function postUrl(organizationId: string, postId: string): string {
  return `${postsUrl(organizationId)}/${encodeURIComponent(postId)}`;
}
