import { addCalendarDays, checkPost, localDateOf, type PlatformId, zonedLocalToUtc } from '@amtsplan/domain';
import type { EntityManager } from 'typeorm';
import { ChannelEntity } from '../channels/channel.entity';
import { PostVariantEntity } from '../posts/post-variant.entity';
import { PostVersionEntity } from '../posts/post-version.entity';
import { PostEntity } from '../posts/post.entity';
import { planningOf } from '../posts/post-view';
import { DEFAULT_CHECKLIST } from '../posts/posts.service';
import { SeriesEntity } from '../series/series.entity';
import { TopicEntity } from '../topics/topic.entity';

const ZONE = 'Europe/Berlin';

const CHANNELS: ReadonlyArray<{ key: string; platform: PlatformId; name: string; handle: string; color: string; textLimit?: number }> = [
  { key: 'facebook', platform: 'facebook', name: 'Facebook Stadt Musterstadt', handle: 'facebook.com/musterstadt', color: '#1565c0' },
  { key: 'instagram', platform: 'instagram', name: 'Instagram Stadt Musterstadt', handle: '@stadt.musterstadt', color: '#ad1457' },
  { key: 'mastodon', platform: 'mastodon', name: 'Mastodon Rathaus', handle: '@rathaus@social.musterstadt.example', color: '#5e35b1', textLimit: 500 },
  { key: 'website', platform: 'website', name: 'musterstadt.example', handle: 'https://www.musterstadt.example/aktuelles', color: '#2e7d32' },
];

const TOPICS: ReadonlyArray<{ key: string; name: string; color: string; sensitive?: boolean }> = [
  { key: 'events', name: 'Veranstaltungen', color: '#ef6c00' },
  { key: 'service', name: 'Bürgerservice', color: '#00838f' },
  { key: 'traffic', name: 'Baustellen & Verkehr', color: '#6d4c41' },
  { key: 'jobs', name: 'Stellenangebote', color: '#3949ab' },
  { key: 'environment', name: 'Umwelt & Klima', color: '#558b2f' },
  { key: 'council', name: 'Rat & Politik', color: '#546e7a', sensitive: true },
];

interface DemoPost {
  title: string;
  text: string;
  channels: string[];
  topic?: string;
  /** Days from the seed day; `time` on the wall clock, or a day without time; neither = Themenspeicher. */
  day?: number;
  time?: string;
  status?: 'idea' | 'draft';
  tags?: string[];
}

/** About four weeks of a small town's plan, with gaps on purpose so the planning view has something to show. */
const POSTS: readonly DemoPost[] = [
  { title: 'Weihnachtsmarkt eröffnet', text: 'Heute um 17 Uhr eröffnet Bürgermeisterin Schmidt den #Weihnachtsmarkt auf dem Marktplatz. Kommen Sie vorbei!', channels: ['facebook', 'instagram', 'mastodon'], topic: 'events', day: 1, time: '10:00', tags: ['Weihnachtsmarkt'] },
  { title: 'Bürgerbüro: Öffnungszeiten zwischen den Jahren', text: 'Das Bürgerbüro ist vom 27. bis 30. Dezember von 8 bis 12 Uhr geöffnet. Termine online: https://www.musterstadt.example/termine', channels: ['facebook', 'mastodon', 'website'], topic: 'service', day: 2, time: '09:00' },
  { title: 'Vollsperrung Bahnhofstraße', text: 'Ab Montag ist die Bahnhofstraße zwischen Post und Rathaus voll gesperrt. Umleitung über die Ringstraße.', channels: ['facebook', 'mastodon'], topic: 'traffic', day: 3, time: '07:30', tags: ['Baustelle'] },
  { title: 'Wir suchen: Erzieher*innen für unsere Kitas', text: 'Die Stadt Musterstadt sucht Erzieherinnen und Erzieher (m/w/d) für drei städtische Kitas. Alle Infos: https://www.musterstadt.example/karriere', channels: ['facebook', 'instagram', 'website'], topic: 'jobs', day: 4, time: '11:00', status: 'draft' },
  { title: 'Christbaumabholung im Januar', text: 'Die Abfallwirtschaft holt ausgediente Weihnachtsbäume am 9. und 10. Januar ab. Bitte bis 7 Uhr an den Straßenrand legen.', channels: ['facebook', 'mastodon'], topic: 'environment', day: 8 },
  { title: 'Neujahrsempfang der Stadt', text: 'Einladung zum Neujahrsempfang im Ratssaal. Anmeldung bis Freitag.', channels: ['facebook', 'website'], topic: 'events', day: 9, time: '15:00', status: 'idea' },
  { title: 'Ratssitzung: Tagesordnung', text: 'Am Donnerstag tagt der Rat. Die Tagesordnung finden Sie im Ratsinformationssystem.', channels: ['mastodon', 'website'], topic: 'council', day: 10, time: '12:00' },
  { title: 'Glatteis: Streudienst unterwegs', text: 'Unser Winterdienst ist seit 4 Uhr im Einsatz. Bitte fahren Sie vorsichtig! #winterdienstmusterstadt 🚨🚨🚨', channels: ['facebook', 'instagram'], topic: 'traffic', day: 15, time: '06:30', status: 'draft' },
  { title: 'Stadtbücherei: neue Lesungen', text: 'Im Januar lesen drei Autorinnen aus der Region in der Stadtbücherei. Eintritt frei.', channels: ['instagram', 'facebook'], topic: 'events', day: 17, time: '14:00' },
  { title: 'Radwegenetz: Ergebnisse der Bürgerbeteiligung', text: 'Über 800 Rückmeldungen zum Radwegenetz sind eingegangen – danke! Hier die wichtigsten Ergebnisse.', channels: ['facebook', 'mastodon', 'website'], topic: 'environment', day: 22, time: '10:00', status: 'draft' },
  { title: 'Ideen: Einblicke in die Feuerwehr', text: '', channels: ['instagram'], status: 'idea', tags: ['Feuerwehr'] },
  { title: 'Ideen: Vorstellung der neuen Azubis', text: 'Kurze Porträts der neuen Auszubildenden – Einwilligungen einholen!', channels: ['instagram', 'facebook'], topic: 'jobs', status: 'idea' },
  { title: 'Ideen: Blick hinter die Kulissen im Standesamt', text: '', channels: [], topic: 'service', status: 'idea' },
];

/**
 * The demo authority's editorial plan: channels, topics, two series and about four weeks of
 * posts around the day of seeding, written the way the API would write them (version 1,
 * history entry, stored findings).
 */
export async function seedDemoPlan(manager: EntityManager, organizationId: string, authorUserId: string, now = new Date()): Promise<void> {
  const channelIds = new Map<string, { id: string; platform: PlatformId; textLimit: number | null }>();
  for (const channel of CHANNELS) {
    const { key, textLimit, ...values } = channel;
    const { identifiers } = await manager.insert(ChannelEntity, { organizationId, ...values, textLimit: textLimit ?? null });
    channelIds.set(key, { id: identifiers[0]!['id'] as string, platform: channel.platform, textLimit: textLimit ?? null });
  }
  const topicIds = new Map<string, string>();
  for (const { key, sensitive, ...values } of TOPICS) {
    const { identifiers } = await manager.insert(TopicEntity, { organizationId, ...values, sensitive: sensitive ?? false });
    topicIds.set(key, identifiers[0]!['id'] as string);
  }

  const today = localDateOf(now, ZONE);
  const nextTuesday = addCalendarDays(today, ((2 - new Date(`${today}T12:00:00Z`).getUTCDay() + 7) % 7) || 7);
  await manager.insert(SeriesEntity, {
    organizationId,
    name: 'Tierheim-Dienstag',
    hashtag: '#TierheimDienstag',
    description: 'Jeden Dienstag stellt das Tierheim ein Tier vor, das ein Zuhause sucht.',
    channelIds: [channelIds.get('instagram')!.id, channelIds.get('facebook')!.id],
    rrule: 'FREQ=WEEKLY;BYDAY=TU',
    start: `${nextTuesday}T10:00`,
    timeZone: ZONE,
    topicId: topicIds.get('events')!,
    checklist: [{ label: 'Tierheim hat Foto und Text freigegeben', done: false }],
    textSkeleton: 'Heute im #TierheimDienstag: … sucht ein Zuhause. Kontakt: Tierheim Musterstadt, Tel. 01234 5678',
  });
  await manager.insert(SeriesEntity, {
    organizationId,
    name: 'Blick ins Rathaus',
    hashtag: '#BlickInsRathaus',
    description: 'Einmal im Monat stellt sich ein Team der Verwaltung vor.',
    channelIds: [channelIds.get('instagram')!.id, channelIds.get('mastodon')!.id],
    rrule: 'FREQ=MONTHLY;BYDAY=1TH',
    start: `${today}T16:00`,
    timeZone: ZONE,
    topicId: topicIds.get('service')!,
    checklist: [{ label: 'Einwilligung aller abgebildeten Mitarbeitenden', done: false }],
    textSkeleton: '#BlickInsRathaus: Heute stellt sich … vor.',
  });

  for (const post of POSTS) {
    const variants = post.channels.map((key) => channelIds.get(key)!);
    const date = post.day === undefined ? null : addCalendarDays(today, post.day);
    const plannedAt = date && post.time ? zonedLocalToUtc(`${date}T${post.time}`, ZONE) : null;
    const findings = checkPost({ text: post.text, variants: variants.map((v) => ({ channelId: v.id, platform: v.platform, textLimit: v.textLimit })), images: [] });
    const columns = {
      workingTitle: post.title,
      text: post.text,
      status: post.status ?? 'draft',
      plannedAt,
      plannedDate: date && !post.time ? date : null,
      topicId: post.topic ? topicIds.get(post.topic)! : null,
      tags: post.tags ?? [],
      responsibleUserId: authorUserId,
      checklist: DEFAULT_CHECKLIST,
      seriesId: null,
    } as const;
    const { identifiers } = await manager.insert(PostEntity, { organizationId, ...columns, timeZone: ZONE, authorUserId, seriesSlotAt: null, findings: findings as never });
    const postId = identifiers[0]!['id'] as string;
    if (variants.length) await manager.insert(PostVariantEntity, variants.map((v, position) => ({ organizationId, postId, channelId: v.id, text: null, position })));
    const { plannedAt: _at, plannedDate: _date, ...rest } = columns;
    const snapshot = { ...rest, variants: variants.map((v) => ({ channelId: v.id, text: null })), media: [], planning: planningOf(columns) };
    await manager.insert(PostVersionEntity, { organizationId, postId, version: 1, changedByUserId: authorUserId, changedFields: Object.keys(snapshot), snapshot: snapshot as never });
  }
}
