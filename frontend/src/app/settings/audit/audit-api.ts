import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AuditEventView } from '@amtsplan/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  list(organizationId: string): Observable<AuditEventView[]> {
    return this.http.get<AuditEventView[]>(`/api/orgs/${encodeURIComponent(organizationId)}/audit-events`);
  }
}
