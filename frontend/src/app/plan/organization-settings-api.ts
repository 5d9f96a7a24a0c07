import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { OrganizationSettings } from '@amtsplan/contracts';
import type { Observable } from 'rxjs';

/** Time zone and Bundesland of the authority: the calendar's clock and its holidays. */
@Injectable({ providedIn: 'root' })
export class OrganizationSettingsApi {
  private readonly http = inject(HttpClient);

  get(organizationId: string): Observable<OrganizationSettings> {
    return this.http.get<OrganizationSettings>(`/api/orgs/${encodeURIComponent(organizationId)}`);
  }
}
