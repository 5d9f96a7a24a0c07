import { Injectable } from '@nestjs/common';
import type { PostFindingView, PostView } from '@amtsplan/contracts';
import { checkPost } from '@amtsplan/domain';
import { ChannelRepository } from '../channels/channel.repository';

/**
 * The quality and accessibility checks of libs/domain over exactly what a post would publish.
 * The editor runs the same function live; the server stores the result with every save.
 */
@Injectable()
export class PostFindings {
  constructor(private readonly channels: ChannelRepository) {}

  async of(view: Pick<PostView, 'text' | 'variants' | 'media'>): Promise<PostFindingView[]> {
    const channels = new Map((await this.channels.findMany(view.variants.map((v) => v.channelId))).map((c) => [c.id, c]));
    return checkPost({
      text: view.text,
      variants: view.variants.flatMap((variant) => {
        const channel = channels.get(variant.channelId);
        return channel ? [{ channelId: channel.id, platform: channel.platform, text: variant.text, textLimit: channel.textLimit }] : [];
      }),
      images: view.media.map((image) => ({ id: image.id, altText: image.altText })),
    });
  }
}
