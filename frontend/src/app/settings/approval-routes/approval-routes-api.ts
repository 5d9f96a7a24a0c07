import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ApprovalRouteView,
  ApprovalSettingsView,
  CreateApprovalRouteRequest,
  UpdateApprovalRouteRequest,
  UpdateApprovalSettingsRequest,
} from '@amtsplan/contracts';
import type { Observable } from 'rxjs';

/** Freigaberouten and the organization's approval settings. */
@Injectable({ providedIn: 'root' })
export class ApprovalRoutesApi {
  private readonly http = inject(HttpClient);

  /** Conditional routes by priority, the default route last (as the API sorts them). */
  list(organizationId: string): Observable<ApprovalRouteView[]> {
    return this.http.get<ApprovalRouteView[]>(routesUrl(organizationId));
  }

  create(organizationId: string, request: CreateApprovalRouteRequest): Observable<ApprovalRouteView> {
    return this.http.post<ApprovalRouteView>(routesUrl(organizationId), request);
  }

  update(organizationId: string, routeId: string, change: UpdateApprovalRouteRequest): Observable<ApprovalRouteView> {
    return this.http.patch<ApprovalRouteView>(`${routesUrl(organizationId)}/${encodeURIComponent(routeId)}`, change);
  }

  remove(organizationId: string, routeId: string): Observable<void> {
    return this.http.delete<void>(`${routesUrl(organizationId)}/${encodeURIComponent(routeId)}`);
  }

  settings(organizationId: string): Observable<ApprovalSettingsView> {
    return this.http.get<ApprovalSettingsView>(settingsUrl(organizationId));
  }

  updateSettings(organizationId: string, change: UpdateApprovalSettingsRequest): Observable<ApprovalSettingsView> {
    return this.http.patch<ApprovalSettingsView>(settingsUrl(organizationId), change);
  }
}

function routesUrl(organizationId: string): string {
  return `/api/orgs/${encodeURIComponent(organizationId)}/approval-routes`;
}

function settingsUrl(organizationId: string): string {
  return `/api/orgs/${encodeURIComponent(organizationId)}/approval-settings`;
}
