import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { NotificationListQuery, type NotificationPage, type UnreadCount } from '@amtsplan/contracts';
import type { FastifyReply } from 'fastify';
import { AppRequest, CurrentUser, SessionUser } from '../auth/request-auth';
import { ProblemException } from '../http/problem.exception';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { NotificationInbox } from './notification-inbox';
import { NotificationStreams } from './notification-streams';

const notificationId = new ParseUUIDPipe(notFoundOnBadUuid);

/** The logged-in person's notifications from every organization they belong to (the bell). */
@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly inbox: NotificationInbox,
    private readonly streams: NotificationStreams,
  ) {}

  /** Newest first; `?before=<nextCursor>` for older ones. */
  @Get()
  list(@CurrentUser() user: SessionUser, @Query(new ZodValidationPipe(NotificationListQuery)) query: NotificationListQuery): Promise<NotificationPage> {
    return this.inbox.page(user.id, query);
  }

  @Get('unread-count')
  async unreadCount(@CurrentUser() user: SessionUser): Promise<UnreadCount> {
    return { unreadCount: await this.inbox.unreadCount(user.id) };
  }

  @Post(':notificationId/read')
  @HttpCode(200)
  async markRead(@CurrentUser() user: SessionUser, @Param('notificationId', notificationId) id: string): Promise<UnreadCount> {
    return { unreadCount: await this.inbox.markRead(user.id, id) };
  }

  @Post('read-all')
  @HttpCode(200)
  async markAllRead(@CurrentUser() user: SessionUser): Promise<UnreadCount> {
    return { unreadCount: await this.inbox.markAllRead(user.id) };
  }

  /**
   * Server-sent events: `unread` (UnreadCount) on connect and on every change, `notification`
   * (NotificationView) for each one that arrives; a comment line every 25 s as heartbeat.
   */
  @Get('stream')
  @ApiProduces('text/event-stream')
  async stream(@Req() request: AppRequest, @Res() reply: FastifyReply): Promise<void> {
    if (!request.auth) throw ProblemException.unauthenticated();
    await this.streams.open(reply, request.auth.user.id, request.auth.tokenHash);
  }
}
