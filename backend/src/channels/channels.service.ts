import { Injectable } from '@nestjs/common';
import type { ChannelView, CreateChannelRequest, UpdateChannelRequest } from '@amtsplan/contracts';
import { AuditLog } from '../audit/audit-log';
import { ProblemException } from '../http/problem.exception';
import { ChannelEntity } from './channel.entity';
import { ChannelRepository } from './channel.repository';

@Injectable()
export class ChannelsService {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly audit: AuditLog,
  ) {}

  async list(): Promise<ChannelView[]> {
    return (await this.channels.list()).map(toChannelView);
  }

  async create(request: Required<CreateChannelRequest>): Promise<ChannelView> {
    const channel = await this.channels.create({
      platform: request.platform,
      name: request.name,
      handle: request.handle,
      color: request.color,
      textLimit: request.platform === 'mastodon' ? request.textLimit : null,
    });
    await this.audit.recordInOrganization({ action: 'channel.created', objectType: 'channel', objectId: channel.id, details: { platform: channel.platform, name: channel.name } });
    return toChannelView(channel);
  }

  async update(id: string, request: UpdateChannelRequest): Promise<ChannelView> {
    const { version, ...changes } = request;
    if (!(await this.channels.update(id, version, changes))) throw ProblemException.notFound();
    await this.audit.recordInOrganization({ action: 'channel.updated', objectType: 'channel', objectId: id, details: { fields: Object.keys(changes) } });
    return toChannelView((await this.channels.find(id)) as ChannelEntity);
  }
}

export function toChannelView(c: ChannelEntity): ChannelView {
  return { id: c.id, platform: c.platform, name: c.name, handle: c.handle, color: c.color, active: c.active, textLimit: c.textLimit, version: c.version };
}
