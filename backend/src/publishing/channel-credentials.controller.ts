import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ChannelCredentialsRequest, ChannelCredentialsView } from '@amtsplan/contracts';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { ChannelCredentialsService } from './channel-credentials.service';

const channelId = new ParseUUIDPipe(notFoundOnBadUuid);

/** A channel's connection to its platform; the access token goes in and never comes out. */
@ApiTags('publishing')
@Controller('orgs/:orgId/channels/:channelId/credentials')
export class ChannelCredentialsController {
  constructor(private readonly credentials: ChannelCredentialsService) {}

  @Get()
  @RequirePermission('organization.settings.manage')
  get(@Param('channelId', channelId) id: string): Promise<ChannelCredentialsView> {
    return this.credentials.get(id);
  }

  @Put()
  @RequirePermission('organization.settings.manage')
  @BodySchema(ChannelCredentialsRequest)
  put(@Param('channelId', channelId) id: string, @ValidBody(ChannelCredentialsRequest) body: ChannelCredentialsRequest): Promise<ChannelCredentialsView> {
    return this.credentials.put(id, body);
  }

  /** Disconnects the channel: the sealed token is deleted; the channel is published by hand from then on. */
  @Delete()
  @HttpCode(204)
  @RequirePermission('organization.settings.manage')
  async remove(@Param('channelId', channelId) id: string): Promise<void> {
    await this.credentials.remove(id);
  }
}
