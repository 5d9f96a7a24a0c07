import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ChangeMemberRoleRequest, Member } from '@amtsplan/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class MembersApi {
  private readonly http = inject(HttpClient);

  list(organizationId: string): Observable<Member[]> {
    return this.http.get<Member[]>(membersUrl(organizationId));
  }

  /** Sends the version the person saw; the API answers 409 if someone changed the member since. */
  changeRole(organizationId: string, memberId: string, change: ChangeMemberRoleRequest): Observable<Member> {
    return this.http.patch<Member>(`${membersUrl(organizationId)}/${encodeURIComponent(memberId)}`, change);
  }

  remove(organizationId: string, memberId: string): Observable<void> {
    return this.http.delete<void>(`${membersUrl(organizationId)}/${encodeURIComponent(memberId)}`);
  }
}

function membersUrl(organizationId: string): string {
  return `/api/orgs/${encodeURIComponent(organizationId)}/members`;
}
