import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ApprovalRequestView,
  CrisisDetectionView,
  CrisisStatusView,
  DeclareIncidentRequest,
  IncidentReviewInput,
  IncidentSummaryView,
  IncidentView,
  LiftStopRequest,
  LiftStopResult,
  PausedPostView,
  PlaybookContentInput,
  PlaybookTemplateView,
  PlaybookView,
} from '@amtsplan/contracts';
import type { Observable } from 'rxjs';

/** Krisen-Playbooks and Krisenmodus (backend/src/crisis). */
@Injectable({ providedIn: 'root' })
export class CrisisApi {
  private readonly http = inject(HttpClient);

  status(orgId: string): Observable<CrisisStatusView> {
    return this.http.get<CrisisStatusView>(`${org(orgId)}/crisis-status`);
  }

  /** The open „Möglicher Shitstorm“ alerts. */
  detections(orgId: string): Observable<CrisisDetectionView[]> {
    return this.http.get<CrisisDetectionView[]>(`${org(orgId)}/crisis-detections`);
  }

  dismissDetection(orgId: string, detectionId: string, version: number): Observable<CrisisDetectionView> {
    return this.http.post<CrisisDetectionView>(`${org(orgId)}/crisis-detections/${detectionId}/dismiss`, { version, reason: '' });
  }

  playbooks(orgId: string): Observable<PlaybookView[]> {
    return this.http.get<PlaybookView[]>(`${org(orgId)}/playbooks`);
  }

  templates(orgId: string): Observable<PlaybookTemplateView[]> {
    return this.http.get<PlaybookTemplateView[]>(`${org(orgId)}/playbooks/templates`);
  }

  playbook(orgId: string, id: string): Observable<PlaybookView> {
    return this.http.get<PlaybookView>(`${org(orgId)}/playbooks/${enc(id)}`);
  }

  copyTemplate(orgId: string, templateKey: string): Observable<PlaybookView> {
    return this.http.post<PlaybookView>(`${org(orgId)}/playbooks/copy-template`, { templateKey });
  }

  savePlaybook(orgId: string, id: string, version: number, content: PlaybookContentInput, nextReviewOn: string | null): Observable<PlaybookView> {
    return this.http.patch<PlaybookView>(`${org(orgId)}/playbooks/${enc(id)}`, { version, content, nextReviewOn });
  }

  /** Submits the current version to the organization's Freigabe. */
  submitPlaybook(orgId: string, id: string, version: number): Observable<ApprovalRequestView> {
    return this.http.post<ApprovalRequestView>(`${org(orgId)}/playbooks/${enc(id)}/submit`, { version });
  }

  incidents(orgId: string): Observable<IncidentSummaryView[]> {
    return this.http.get<IncidentSummaryView[]>(`${org(orgId)}/incidents`);
  }

  incident(orgId: string, id: string): Observable<IncidentView> {
    return this.http.get<IncidentView>(incidentUrl(orgId, id));
  }

  declare(orgId: string, request: DeclareIncidentRequest): Observable<IncidentView> {
    return this.http.post<IncidentView>(`${org(orgId)}/incidents`, request);
  }

  act(orgId: string, id: string, action: 'level' | 'checklist' | 'contacts-alerted' | 'notes' | 'statements' | 'stop' | 'end', body: object): Observable<IncidentView> {
    return this.http.post<IncidentView>(`${incidentUrl(orgId, id)}/${action}`, body);
  }

  review(orgId: string, id: string, version: number, review: IncidentReviewInput): Observable<IncidentView> {
    return this.http.post<IncidentView>(`${incidentUrl(orgId, id)}/review`, { version, review });
  }

  paused(orgId: string, id: string): Observable<PausedPostView[]> {
    return this.http.get<PausedPostView[]>(`${incidentUrl(orgId, id)}/paused-posts`);
  }

  lift(orgId: string, id: string, request: LiftStopRequest): Observable<LiftStopResult> {
    return this.http.post<LiftStopResult>(`${incidentUrl(orgId, id)}/stop/lift`, request);
  }

  reportUrl(orgId: string, id: string): string {
    return `${incidentUrl(orgId, id)}/report.pdf`;
  }
}

const enc = encodeURIComponent;
function org(orgId: string): string {
  return `/api/orgs/${enc(orgId)}`;
}
function incidentUrl(orgId: string, id: string): string {
  return `${org(orgId)}/incidents/${enc(id)}`;
}
