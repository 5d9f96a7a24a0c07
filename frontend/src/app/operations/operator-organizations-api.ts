import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CreateOrganizationRequest, OperatorOrganizationView } from '@amtsplan/contracts';
import type { Observable } from 'rxjs';

/** The answer to creating an authority: `acceptUrl` is the first administration's one-time invitation link. */
export interface OrganizationCreated {
  readonly organization: OperatorOrganizationView;
  readonly acceptUrl: string;
}

const OPERATOR_ORGANIZATIONS_URL = '/api/operator/organizations';

/** The installation operator's view of the authorities: names and dates, never their content. */
@Injectable({ providedIn: 'root' })
export class OperatorOrganizationsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<OperatorOrganizationView[]> {
    return this.http.get<OperatorOrganizationView[]>(OPERATOR_ORGANIZATIONS_URL);
  }

  /** Creates the authority and invites its first administration in one step. */
  create(request: CreateOrganizationRequest): Observable<OrganizationCreated> {
    return this.http.post<OrganizationCreated>(OPERATOR_ORGANIZATIONS_URL, request);
  }
}
