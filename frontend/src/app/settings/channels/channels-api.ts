import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ChannelView, CreateChannelRequest, UpdateChannelRequest } from '@amtsplan/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class ChannelsApi {
  private readonly http = inject(HttpClient);

  list(organizationId: string): Observable<ChannelView[]> {
    return this.http.get<ChannelView[]>(channelsUrl(organizationId));
  }

  create(organizationId: string, request: CreateChannelRequest): Observable<ChannelView> {
    return this.http.post<ChannelView>(channelsUrl(organizationId), request);
  }

  update(organizationId: string, channelId: string, change: UpdateChannelRequest): Observable<ChannelView> {
    return this.http.patch<ChannelView>(`${channelsUrl(organizationId)}/${encodeURIComponent(channelId)}`, change);
  }
}

function channelsUrl(organizationId: string): string {
  return `/api/orgs/${encodeURIComponent(organizationId)}/channels`;
}
