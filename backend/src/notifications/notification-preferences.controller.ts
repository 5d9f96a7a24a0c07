import { Controller, Get, Put, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type NotificationPreferences, UpdateNotificationPreferences } from '@amtsplan/contracts';
import { AppRequest, CurrentUser, SessionUser } from '../auth/request-auth';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { NotificationPreferencesService } from './notification-preferences.service';

/** The logged-in person's e-mail switches per kind of notification (the same in every organization). */
@ApiTags('notifications')
@Controller('notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get()
  get(@CurrentUser() user: SessionUser): Promise<NotificationPreferences> {
    return this.preferences.get(user.id);
  }

  @Put()
  @BodySchema(UpdateNotificationPreferences)
  update(
    @CurrentUser() user: SessionUser,
    @ValidBody(UpdateNotificationPreferences) body: UpdateNotificationPreferences,
    @Req() request: AppRequest,
  ): Promise<NotificationPreferences> {
    return this.preferences.update(user.id, body, request.ip);
  }
}
