import { Inject, Injectable } from '@nestjs/common';
import { hashToken } from '../auth/session-token';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { Database } from '../database/database';
import { ProblemException } from '../http/problem.exception';
import { OrganizationRepository } from '../organizations/organization.repository';
import { renderCalendarFeed } from './calendar-feed-document';
import { CalendarFeedLinks } from './calendar-feed-links';
import { CalendarFeedPosts, feedWindow } from './calendar-feed-posts';
import { CalendarFeedRepository } from './calendar-feed.repository';

const UNKNOWN_FEED = 'Dieses Kalender-Abo gibt es nicht oder es wurde widerrufen.';
/** A base64url encoding of 256 bits; anything else cannot be a token and is not looked up. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The subscription address a calendar app polls without a session: the token finds exactly
 * one feed, and everything after that runs in the scope of that feed's organization.
 */
@Injectable()
export class PublicCalendarFeed {
  constructor(
    private readonly database: Database,
    private readonly feeds: CalendarFeedRepository,
    private readonly posts: CalendarFeedPosts,
    private readonly organizations: OrganizationRepository,
    private readonly links: CalendarFeedLinks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  render(token: string, now = new Date()): Promise<string> {
    if (!TOKEN_SHAPE.test(token)) throw ProblemException.notFound(UNKNOWN_FEED);
    const tokenHash = hashToken(token);
    return this.database.transaction({ calendarFeedTokenHash: tokenHash }, async (tx) => {
      const feed = await this.feeds.findByTokenHash(tx.manager, tokenHash);
      if (!feed || feed.revokedAt) throw ProblemException.notFound(UNKNOWN_FEED);
      // The token has done its work: the rest of the transaction sees only the feed's organization.
      await tx.apply({ organizationId: feed.organizationId });
      const organization = await this.organizations.findById(tx.manager, feed.organizationId);
      if (!organization) throw ProblemException.notFound(UNKNOWN_FEED);
      const window = feedWindow(now);
      const posts = await this.posts.read(tx.manager, organization.id, organization.timeZone, window);
      await this.feeds.recordUse(tx.manager, feed);
      return renderCalendarFeed({
        calendarName: `Redaktionsplan ${organization.name}`,
        timeZone: organization.timeZone,
        posts,
        postUrl: (postId) => this.links.postUrl(organization.id, postId),
        uidDomain: new URL(this.config.appOrigin).hostname,
        window,
        now,
      });
    });
  }
}
