import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ApprovalInboxView, ApprovalRequestView, DecisionRequest, PreviousSeenContentView } from '@amtsplan/contracts';
import type { Observable } from 'rxjs';

/** Approval requests: the inbox, one request, deciding, and a post's submission and withdrawal. */
@Injectable({ providedIn: 'root' })
export class ApprovalsApi {
  private readonly http = inject(HttpClient);

  inbox(organizationId: string): Observable<ApprovalInboxView> {
    return this.http.get<ApprovalInboxView>(`${orgUrl(organizationId)}/approvals/inbox`);
  }

  request(organizationId: string, requestId: string): Observable<ApprovalRequestView> {
    return this.http.get<ApprovalRequestView>(requestUrl(organizationId, requestId));
  }

  previousSeen(organizationId: string, requestId: string): Observable<PreviousSeenContentView> {
    return this.http.get<PreviousSeenContentView>(`${requestUrl(organizationId, requestId)}/previous-seen`);
  }

  decide(organizationId: string, requestId: string, decision: DecisionRequest): Observable<ApprovalRequestView> {
    return this.http.post<ApprovalRequestView>(`${requestUrl(organizationId, requestId)}/decisions`, decision);
  }

  /** The post's most recent request; 404 when it was never submitted. */
  ofPost(organizationId: string, postId: string): Observable<ApprovalRequestView> {
    return this.http.get<ApprovalRequestView>(`${postUrl(organizationId, postId)}/approval`);
  }

  submit(organizationId: string, postId: string, version: number): Observable<ApprovalRequestView> {
    return this.http.post<ApprovalRequestView>(`${postUrl(organizationId, postId)}/submit`, { version });
  }

  withdraw(organizationId: string, postId: string): Observable<ApprovalRequestView> {
    return this.http.post<ApprovalRequestView>(`${postUrl(organizationId, postId)}/withdraw`, {});
  }
}

function orgUrl(organizationId: string): string {
  return `/api/orgs/${encodeURIComponent(organizationId)}`;
}

function requestUrl(organizationId: string, requestId: string): string {
  return `${orgUrl(organizationId)}/approval-requests/${encodeURIComponent(requestId)}`;
}

function postUrl(organizationId: string, postId: string): string {
  return `${orgUrl(organizationId)}/posts/${encodeURIComponent(postId)}`;
}
