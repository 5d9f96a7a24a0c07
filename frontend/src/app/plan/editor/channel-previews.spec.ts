import { TestBed } from '@angular/core/testing';
import { ChannelPreviews } from './channel-previews';

describe('ChannelPreviews', () => {
  it('shows exactly the text the channel would publish, without spaces from the template', async () => {
    const fixture = TestBed.createComponent(ChannelPreviews);
    const text = 'Samstag ist #Stadtfest auf dem Marktplatz: https://musterstadt.example/fest';
    fixture.componentRef.setInput('channels', [{ channelId: 'c1', channelName: 'Mastodon Stadt', platformLabel: 'Mastodon', text }]);
    fixture.componentRef.setInput('images', []);
    await fixture.whenStable();
    const shown = (fixture.nativeElement as HTMLElement).querySelector('.preview__text');
    expect(shown?.textContent).toBe(text);
    expect(shown?.querySelectorAll('.preview__mark').length).toBeGreaterThan(0);
  });
});
