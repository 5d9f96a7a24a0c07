import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AcceptInvitationRequest, InvitationPreview, MeResponse } from '@amtsplan/contracts';
import type { Observable } from 'rxjs';

/** The invitee's side: the token from the link is the only credential until an account exists. */
@Injectable({ providedIn: 'root' })
export class InvitationAcceptanceApi {
  private readonly http = inject(HttpClient);

  preview(token: string): Observable<InvitationPreview> {
    return this.http.get<InvitationPreview>(invitationUrl(token));
  }

  /** `{ displayName, password }` creates the account; `{}` joins the logged-in one. */
  accept(token: string, request: AcceptInvitationRequest): Observable<MeResponse> {
    return this.http.post<MeResponse>(`${invitationUrl(token)}/accept`, request);
  }
}

function invitationUrl(token: string): string {
  return `/api/invitations/${encodeURIComponent(token)}`;
}
