import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ChannelCredentialsRequest, ChannelCredentialsView } from '@amtsplan/contracts';
import { type Observable, catchError, of, throwError } from 'rxjs';

/** A channel's connection to its platform. The token goes in and never comes back. */
@Injectable({ providedIn: 'root' })
export class ChannelCredentialsApi {
  private readonly http = inject(HttpClient);

  /** Null when the channel is not connected (the API answers 404 then). */
  get(organizationId: string, channelId: string): Observable<ChannelCredentialsView | null> {
    return this.http
      .get<ChannelCredentialsView>(credentialsUrl(organizationId, channelId))
      .pipe(catchError((error: unknown) => (error instanceof HttpErrorResponse && error.status === 404 ? of(null) : throwError(() => error))));
  }

  put(organizationId: string, channelId: string, request: ChannelCredentialsRequest): Observable<ChannelCredentialsView> {
    return this.http.put<ChannelCredentialsView>(credentialsUrl(organizationId, channelId), request);
  }

  remove(organizationId: string, channelId: string): Observable<void> {
    return this.http.delete<void>(credentialsUrl(organizationId, channelId));
  }
}

function credentialsUrl(organizationId: string, channelId: string): string {
  return `/api/orgs/${encodeURIComponent(organizationId)}/channels/${encodeURIComponent(channelId)}/credentials`;
}
