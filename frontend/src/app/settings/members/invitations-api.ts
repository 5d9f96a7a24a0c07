import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateInvitationRequest, InvitationCreated, InvitationView } from '@amtsplan/contracts';
import type { Observable } from 'rxjs';

/** Invitations as the inviting authority manages them; accepting one lives in `invitations/`. */
@Injectable({ providedIn: 'root' })
export class InvitationsApi {
  private readonly http = inject(HttpClient);

  list(organizationId: string): Observable<InvitationView[]> {
    return this.http.get<InvitationView[]>(invitationsUrl(organizationId));
  }

  create(organizationId: string, invitation: CreateInvitationRequest): Observable<InvitationCreated> {
    return this.http.post<InvitationCreated>(invitationsUrl(organizationId), invitation);
  }

  revoke(organizationId: string, invitationId: string): Observable<void> {
    return this.http.delete<void>(`${invitationsUrl(organizationId)}/${encodeURIComponent(invitationId)}`);
  }
}

function invitationsUrl(organizationId: string): string {
  return `/api/orgs/${encodeURIComponent(organizationId)}/invitations`;
}
