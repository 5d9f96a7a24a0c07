import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ApprovalRequestView,
  CreateTextBlockRequest,
  StarterPackResult,
  TextBlockCategoryView,
  TextBlockHit,
  TextBlockImportResult,
  TextBlockListQuery,
  TextBlockSettingsView,
  UpdateTextBlockSettingsRequest,
  TextBlockView,
  UpdateTextBlockRequest,
} from '@amtsplan/contracts';
import type { Observable } from 'rxjs';

/** Text blocks: search, read, write, submit, record use, CSV and the starter pack. */
@Injectable({ providedIn: 'root' })
export class TextBlocksApi {
  private readonly http = inject(HttpClient);

  search(organizationId: string, query: TextBlockListQuery): Observable<TextBlockHit[]> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params = params.set(key, String(value));
    return this.http.get<TextBlockHit[]>(blocksUrl(organizationId), { params });
  }

  get(organizationId: string, id: string): Observable<TextBlockView> {
    return this.http.get<TextBlockView>(`${blocksUrl(organizationId)}/${encodeURIComponent(id)}`);
  }

  create(organizationId: string, request: CreateTextBlockRequest): Observable<TextBlockView> {
    return this.http.post<TextBlockView>(blocksUrl(organizationId), request);
  }

  update(organizationId: string, id: string, request: UpdateTextBlockRequest): Observable<TextBlockView> {
    return this.http.patch<TextBlockView>(`${blocksUrl(organizationId)}/${encodeURIComponent(id)}`, request);
  }

  submit(organizationId: string, id: string, version: number): Observable<ApprovalRequestView> {
    return this.http.post<ApprovalRequestView>(`${blocksUrl(organizationId)}/${encodeURIComponent(id)}/submit`, { version });
  }

  recordUse(organizationId: string, id: string, versionId: string): Observable<TextBlockView> {
    return this.http.post<TextBlockView>(`${blocksUrl(organizationId)}/${encodeURIComponent(id)}/uses`, { versionId });
  }

  categories(organizationId: string): Observable<TextBlockCategoryView[]> {
    return this.http.get<TextBlockCategoryView[]>(`${orgUrl(organizationId)}/text-block-categories`);
  }

  settings(organizationId: string): Observable<TextBlockSettingsView> {
    return this.http.get<TextBlockSettingsView>(`${orgUrl(organizationId)}/text-block-settings`);
  }

  updateSettings(organizationId: string, request: UpdateTextBlockSettingsRequest): Observable<TextBlockSettingsView> {
    return this.http.patch<TextBlockSettingsView>(`${orgUrl(organizationId)}/text-block-settings`, request);
  }

  exportCsv(organizationId: string): Observable<Blob> {
    return this.http.get(`${blocksUrl(organizationId)}/export.csv`, { responseType: 'blob' });
  }

  importCsv(organizationId: string, csv: string): Observable<TextBlockImportResult> {
    return this.http.post<TextBlockImportResult>(`${blocksUrl(organizationId)}/import`, { csv });
  }

  loadStarterPack(organizationId: string): Observable<StarterPackResult> {
    return this.http.post<StarterPackResult>(`${blocksUrl(organizationId)}/starter-pack`, {});
  }
}

function orgUrl(organizationId: string): string {
  return `/api/orgs/${encodeURIComponent(organizationId)}`;
}

function blocksUrl(organizationId: string): string {
  return `${orgUrl(organizationId)}/text-blocks`;
}
