import { Controller, Get, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ChannelView, CreateChannelRequest, UpdateChannelRequest } from '@amtsplan/contracts';
import { notFoundOnBadUuid } from '../http/uuid-param';
import { BodySchema, ValidBody } from '../http/valid-body.decorator';
import { RequirePermission } from '../tenancy/require-permission.decorator';
import { ChannelsService } from './channels.service';

@ApiTags('channels')
@Controller('orgs/:orgId/channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Get()
  @RequirePermission('posts.read')
  list(): Promise<ChannelView[]> {
    return this.channels.list();
  }

  @Post()
  @RequirePermission('channels.manage')
  @BodySchema(CreateChannelRequest)
  create(@ValidBody(CreateChannelRequest) body: Required<CreateChannelRequest>): Promise<ChannelView> {
    return this.channels.create(body);
  }

  @Patch(':channelId')
  @RequirePermission('channels.manage')
  @BodySchema(UpdateChannelRequest)
  update(
    @Param('channelId', new ParseUUIDPipe(notFoundOnBadUuid)) channelId: string,
    @ValidBody(UpdateChannelRequest) body: UpdateChannelRequest,
  ): Promise<ChannelView> {
    return this.channels.update(channelId, body);
  }
}
