import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { NotificationPage, NotificationPreferences, UnreadCount, UpdateNotificationPreferences } from '@amtsplan/contracts';
import { type Observable, map } from 'rxjs';

/** Where the live updates come from (server-sent events, cookie session). */
export const NOTIFICATION_STREAM_URL = '/api/notifications/stream';

@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  latest(limit: number): Observable<NotificationPage> {
    return this.http.get<NotificationPage>('/api/notifications', { params: { limit } });
  }

  unreadCount(): Observable<number> {
    return this.http.get<UnreadCount>('/api/notifications/unread-count').pipe(map((answer) => answer.unreadCount));
  }

  markRead(id: string): Observable<number> {
    return this.http.post<UnreadCount>(`/api/notifications/${encodeURIComponent(id)}/read`, null).pipe(map((answer) => answer.unreadCount));
  }

  markAllRead(): Observable<number> {
    return this.http.post<UnreadCount>('/api/notifications/read-all', null).pipe(map((answer) => answer.unreadCount));
  }

  preferences(): Observable<NotificationPreferences> {
    return this.http.get<NotificationPreferences>('/api/notification-preferences');
  }

  updatePreferences(change: UpdateNotificationPreferences): Observable<NotificationPreferences> {
    return this.http.put<NotificationPreferences>('/api/notification-preferences', change);
  }
}
