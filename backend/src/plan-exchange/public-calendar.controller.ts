import { Controller, Get, Header, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/request-auth';
import { PublicCalendarFeed } from './public-calendar-feed';

/** Public: calendar apps (Outlook, Thunderbird, phones) subscribe without a session; the token is the key. */
@ApiTags('plan-exchange')
@Controller('calendar')
export class PublicCalendarController {
  constructor(private readonly feed: PublicCalendarFeed) {}

  @Public()
  @Get(':token.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  // Private: the address is a secret, shared caches must not keep its content.
  @Header('Cache-Control', 'private, max-age=300')
  render(@Param('token') token: string): Promise<string> {
    return this.feed.render(token);
  }
}
