import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CaptureInboxItemRequest,
  ForwardInboxItemRequest,
  InboxCategory,
  InboxDashboardView,
  InboxImportResult,
  InboxItemDetail,
  InboxListView,
  InboxSettingsView,
  InboxStatus,
  ModerateInboxItemRequest,
  ReplyInboxItemRequest,
  RoutingRuleInput,
  RoutingRuleView,
  SecureEvidenceRequest,
  SendApprovedReplyRequest,
  UpdateInboxSettingsRequest,
} from '@amtsplan/contracts';
import type { Observable } from 'rxjs';

export interface InboxFilter {
  readonly status?: string;
  readonly category?: string;
  readonly channelId?: string;
  readonly assignee?: string;
  readonly olderThanHours?: string;
  readonly q?: string;
}

/** The Posteingang's API. */
@Injectable({ providedIn: 'root' })
export class InboxApi {
  private readonly http = inject(HttpClient);

  list(organizationId: string, filter: InboxFilter, after?: string | null): Observable<InboxListView> {
    let params = new HttpParams().set('limit', 50);
    for (const [key, value] of Object.entries(filter)) if (value) params = params.set(key, String(value));
    if (after) params = params.set('after', after);
    return this.http.get<InboxListView>(itemsUrl(organizationId), { params });
  }

  item(organizationId: string, itemId: string): Observable<InboxItemDetail> {
    return this.http.get<InboxItemDetail>(itemUrl(organizationId, itemId));
  }

  capture(organizationId: string, request: CaptureInboxItemRequest): Observable<InboxItemDetail> {
    return this.http.post<InboxItemDetail>(itemsUrl(organizationId), request);
  }

  importCsv(organizationId: string, csv: string): Observable<InboxImportResult> {
    return this.http.post<InboxImportResult>(`${itemsUrl(organizationId)}/import`, { csv });
  }

  assign(organizationId: string, itemId: string, version: number, assigneeUserId: string | null): Observable<InboxItemDetail> {
    return this.http.patch<InboxItemDetail>(`${itemUrl(organizationId, itemId)}/assignee`, { version, assigneeUserId });
  }

  categorise(organizationId: string, itemId: string, version: number, category: InboxCategory): Observable<InboxItemDetail> {
    return this.http.patch<InboxItemDetail>(`${itemUrl(organizationId, itemId)}/category`, { version, category });
  }

  changeStatus(organizationId: string, itemId: string, version: number, status: InboxStatus): Observable<InboxItemDetail> {
    return this.http.patch<InboxItemDetail>(`${itemUrl(organizationId, itemId)}/status`, { version, status });
  }

  addNote(organizationId: string, itemId: string, body: string): Observable<InboxItemDetail> {
    return this.http.post<InboxItemDetail>(`${itemUrl(organizationId, itemId)}/notes`, { body });
  }

  forward(organizationId: string, itemId: string, request: ForwardInboxItemRequest): Observable<InboxItemDetail> {
    return this.http.post<InboxItemDetail>(`${itemUrl(organizationId, itemId)}/forward`, request);
  }

  departmentDraft(organizationId: string, itemId: string, version: number, body: string): Observable<InboxItemDetail> {
    return this.http.post<InboxItemDetail>(`${itemUrl(organizationId, itemId)}/department-draft`, { version, body });
  }

  reply(organizationId: string, itemId: string, request: ReplyInboxItemRequest): Observable<InboxItemDetail> {
    return this.http.post<InboxItemDetail>(`${itemUrl(organizationId, itemId)}/replies`, request);
  }

  /** Sends a reply whose Freigabe was granted (sensitive category), exactly as approved. */
  sendApproved(organizationId: string, itemId: string, replyId: string, request: SendApprovedReplyRequest): Observable<InboxItemDetail> {
    return this.http.post<InboxItemDetail>(`${itemUrl(organizationId, itemId)}/replies/${encodeURIComponent(replyId)}/send`, request);
  }

  moderate(organizationId: string, itemId: string, request: ModerateInboxItemRequest): Observable<InboxItemDetail> {
    return this.http.post<InboxItemDetail>(`${itemUrl(organizationId, itemId)}/moderation`, request);
  }

  secureEvidence(organizationId: string, itemId: string, request: SecureEvidenceRequest): Observable<InboxItemDetail> {
    return this.http.post<InboxItemDetail>(`${itemUrl(organizationId, itemId)}/evidence`, request);
  }

  evidenceReportUrl(organizationId: string, itemId: string, evidenceId: string): string {
    return `${itemUrl(organizationId, itemId)}/evidence/${encodeURIComponent(evidenceId)}/report.pdf`;
  }

  settings(organizationId: string): Observable<InboxSettingsView> {
    return this.http.get<InboxSettingsView>(`${inboxUrl(organizationId)}/settings`);
  }

  updateSettings(organizationId: string, request: UpdateInboxSettingsRequest): Observable<InboxSettingsView> {
    return this.http.put<InboxSettingsView>(`${inboxUrl(organizationId)}/settings`, request);
  }

  rules(organizationId: string): Observable<RoutingRuleView[]> {
    return this.http.get<RoutingRuleView[]>(`${inboxUrl(organizationId)}/routing-rules`);
  }

  createRule(organizationId: string, rule: RoutingRuleInput): Observable<RoutingRuleView> {
    return this.http.post<RoutingRuleView>(`${inboxUrl(organizationId)}/routing-rules`, rule);
  }

  updateRule(organizationId: string, ruleId: string, rule: RoutingRuleInput & { version: number }): Observable<RoutingRuleView> {
    return this.http.put<RoutingRuleView>(`${inboxUrl(organizationId)}/routing-rules/${encodeURIComponent(ruleId)}`, rule);
  }

  reorderRules(organizationId: string, ruleIds: readonly string[]): Observable<RoutingRuleView[]> {
    return this.http.put<RoutingRuleView[]>(`${inboxUrl(organizationId)}/routing-rules/order`, { ruleIds });
  }

  deleteRule(organizationId: string, ruleId: string): Observable<void> {
    return this.http.delete<void>(`${inboxUrl(organizationId)}/routing-rules/${encodeURIComponent(ruleId)}`);
  }

  dashboard(organizationId: string): Observable<InboxDashboardView> {
    return this.http.get<InboxDashboardView>(`${inboxUrl(organizationId)}/dashboard`);
  }
}

function inboxUrl(organizationId: string): string {
  return `/api/orgs/${encodeURIComponent(organizationId)}/inbox`;
}

function itemsUrl(organizationId: string): string {
  return `${inboxUrl(organizationId)}/items`;
}

function itemUrl(organizationId: string, itemId: string): string {
  return `${itemsUrl(organizationId)}/${encodeURIComponent(itemId)}`;
}
