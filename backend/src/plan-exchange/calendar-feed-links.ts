import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hashToken } from '../auth/session-token';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';

/** The secret part of a subscription address (256 random bits); only its hash is stored. */
@Injectable()
export class CalendarFeedLinks {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  issue(): { tokenHash: string; subscriptionUrl: string } {
    const token = randomBytes(32).toString('base64url');
    return { tokenHash: hashToken(token), subscriptionUrl: `${this.config.appOrigin}/api/calendar/${token}.ics` };
  }

  /** Where a calendar entry leads back to: the post opened in the Redaktionsplan. */
  postUrl(organizationId: string, postId: string): string {
    return `${this.config.appOrigin}/o/${organizationId}/redaktionsplan?beitrag=${postId}`;
  }
}
