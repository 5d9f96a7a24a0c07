import { Injectable, inject } from '@angular/core';
import type { ChannelView, Member, OrganizationSettings, SeriesView, TopicView } from '@amtsplan/contracts';
import { type Observable, forkJoin, map } from 'rxjs';
import { MembersApi } from '../settings/members/members-api';
import { ChannelsApi } from '../settings/channels/channels-api';
import { SeriesApi } from '../settings/series/series-api';
import { TopicsApi } from '../settings/topics/topics-api';
import { OrganizationSettingsApi } from './organization-settings-api';

/** What every part of the plan looks things up in: the authority's clock and its channels, topics, series and people. */
export interface PlanReferences {
  readonly settings: OrganizationSettings;
  readonly channels: readonly ChannelView[];
  readonly topics: readonly TopicView[];
  readonly series: readonly SeriesView[];
  readonly members: readonly Member[];
  readonly channelById: ReadonlyMap<string, ChannelView>;
  readonly topicById: ReadonlyMap<string, TopicView>;
  readonly seriesById: ReadonlyMap<string, SeriesView>;
  readonly memberByUserId: ReadonlyMap<string, Member>;
}

@Injectable({ providedIn: 'root' })
export class PlanReferencesApi {
  private readonly settings = inject(OrganizationSettingsApi);
  private readonly channels = inject(ChannelsApi);
  private readonly topics = inject(TopicsApi);
  private readonly series = inject(SeriesApi);
  private readonly members = inject(MembersApi);

  load(organizationId: string): Observable<PlanReferences> {
    return forkJoin({
      settings: this.settings.get(organizationId),
      channels: this.channels.list(organizationId),
      topics: this.topics.list(organizationId),
      series: this.series.list(organizationId),
      members: this.members.list(organizationId),
    }).pipe(
      map((loaded) => ({
        ...loaded,
        channelById: new Map(loaded.channels.map((c) => [c.id, c])),
        topicById: new Map(loaded.topics.map((t) => [t.id, t])),
        seriesById: new Map(loaded.series.map((s) => [s.id, s])),
        memberByUserId: new Map(loaded.members.map((m) => [m.user.id, m])),
      })),
    );
  }
}
