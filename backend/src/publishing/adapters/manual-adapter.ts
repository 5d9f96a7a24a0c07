import { Injectable } from '@nestjs/common';
import type { AdapterOutcome, ChannelAdapter } from './channel-adapter';

/**
 * Channels without an API connection: at the planned time the post becomes a task for the
 * responsible person ("Jetzt veröffentlichen", with the approved texts to copy), who posts it
 * by hand and confirms with the post's URL (POST …/publications/:channelId/confirm).
 */
@Injectable()
export class ManualAdapter implements ChannelAdapter {
  readonly id = 'manual' as const;

  async publish(): Promise<AdapterOutcome> {
    return {
      kind: 'manual_due',
      message: 'Dieser Kanal hat keine Anbindung: Bitte den freigegebenen Text jetzt von Hand veröffentlichen und mit der Adresse des Beitrags bestätigen.',
    };
  }
}
