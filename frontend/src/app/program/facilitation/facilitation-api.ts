import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AuthorityOption, CohortSummaryView, CreateCohortRequest, CreateRunRequest, EnrolParticipantRequest, RunView, UnlockWeeksRequest } from '@amtsplan/contracts';
import type { Observable } from 'rxjs';

/** The Programmleitung's side: runs, cohorts, enrolments, early unlocks (403 without the grant). */
@Injectable({ providedIn: 'root' })
export class FacilitationApi {
  private readonly http = inject(HttpClient);

  runs(): Observable<RunView[]> {
    return this.http.get<RunView[]>('/api/program/runs');
  }

  authorities(): Observable<AuthorityOption[]> {
    return this.http.get<AuthorityOption[]>('/api/program/authorities');
  }

  createRun(body: CreateRunRequest): Observable<RunView> {
    return this.http.post<RunView>('/api/program/runs', body);
  }

  unlock(runId: string, body: UnlockWeeksRequest): Observable<RunView> {
    return this.http.post<RunView>(`/api/program/runs/${encodeURIComponent(runId)}/unlock`, body);
  }

  createCohort(runId: string, body: CreateCohortRequest): Observable<CohortSummaryView> {
    return this.http.post<CohortSummaryView>(`/api/program/runs/${encodeURIComponent(runId)}/cohorts`, body);
  }

  enrol(cohortId: string, body: EnrolParticipantRequest): Observable<CohortSummaryView> {
    return this.http.post<CohortSummaryView>(`/api/program/cohorts/${encodeURIComponent(cohortId)}/enrolments`, body);
  }
}
