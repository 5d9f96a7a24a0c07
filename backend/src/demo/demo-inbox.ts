import { DEFAULT_OFFICE_HOURS, evaluateRoutingRules, responseDueAt, type InboxCategory, type InboxKind, type InboxStatus, type RoutingRule } from '@amtsplan/domain';
import { EntityManager, In } from 'typeorm';
import { ChannelEntity } from '../channels/channel.entity';
import { InboxItemEntity } from '../inbox/inbox-item.entity';
import { InboxHistoryEntity, InboxReplyEntity, InboxRoutingRuleEntity, InboxSettingsEntity } from '../inbox/inbox-records.entity';
import { toRoutingRule } from '../inbox/inbox-routing-rule.repository';

const HOUR = 3_600_000;

interface DemoItem {
  readonly channel: 'Mastodon Rathaus' | 'Facebook Stadt Musterstadt' | 'Instagram Stadt Musterstadt' | null;
  readonly kind: InboxKind;
  readonly author: string;
  readonly name: string | null;
  readonly text: string;
  readonly hoursAgo: number;
  readonly status?: InboxStatus;
  readonly category?: InboxCategory;
  readonly reply?: string;
}

/** Questions and comments as they reach a city: Bürgerbüro, Abfall, a Baustelle, one hate comment. */
const ITEMS: readonly DemoItem[] = [
  { channel: 'Facebook Stadt Musterstadt', kind: 'comment', author: 'Sabine K.', name: 'Sabine Kraus', text: 'Hat das Bürgerbüro zwischen den Jahren geöffnet? Mein Personalausweis läuft ab.', hoursAgo: 2 },
  { channel: 'Mastodon Rathaus', kind: 'mention', author: '@jonas@social.example', name: 'Jonas', text: '@rathaus Wann wird in der Weststadt der Sperrmüll abgeholt? Der Abfallkalender zeigt nichts an.', hoursAgo: 3 },
  { channel: 'Instagram Stadt Musterstadt', kind: 'comment', author: 'lena.musterstadt', name: null, text: 'Wie lange ist die Hauptstraße wegen der Baustelle noch gesperrt? Der Umweg kostet jeden Tag 20 Minuten.', hoursAgo: 5 },
  { channel: 'Facebook Stadt Musterstadt', kind: 'comment', author: 'Peter W.', name: 'Peter Wagner', text: 'Danke an das Team vom Bürgerbüro, super freundlich und schnell heute Morgen!', hoursAgo: 6, category: 'praise', status: 'closed_without_reply' },
  { channel: 'Facebook Stadt Musterstadt', kind: 'message', author: 'Maria S.', name: 'Maria Schulz', text: 'Ich brauche einen Termin für eine Meldebescheinigung, online finde ich nur Termine in drei Wochen. Geht das schneller?', hoursAgo: 20 },
  { channel: 'Mastodon Rathaus', kind: 'mention', author: '@radlerin@norden.social', name: 'Radlerin', text: '@rathaus Die Baustellenampel an der Brückenstraße schaltet für Radfahrende nie auf Grün.', hoursAgo: 26, category: 'complaint' },
  { channel: 'Facebook Stadt Musterstadt', kind: 'comment', author: 'Hans-Jürgen B.', name: 'Hans-Jürgen Becker', text: 'Die Biotonne wurde in der Lindenallee schon zum zweiten Mal nicht geleert. Wer kümmert sich darum?', hoursAgo: 30 },
  { channel: 'Instagram Stadt Musterstadt', kind: 'comment', author: 'tim_mst', name: null, text: 'Gibt es den Abfallkalender auch als App oder zum Abonnieren im Handykalender?', hoursAgo: 44 },
  { channel: 'Facebook Stadt Musterstadt', kind: 'comment', author: 'Anonym 4711', name: null, text: 'Ihr Versager im Rathaus gehört alle eingesperrt, [Beleidigung gekürzt]. Man weiß ja, wo ihr wohnt.', hoursAgo: 50, category: 'hate' },
  { channel: 'Facebook Stadt Musterstadt', kind: 'comment', author: 'Claudia R.', name: 'Claudia Richter', text: 'Vorschlag: Könnte das Bürgerbüro donnerstags bis 19 Uhr öffnen? Für Berufstätige wäre das eine große Hilfe.', hoursAgo: 52, category: 'suggestion' },
  { channel: 'Mastodon Rathaus', kind: 'mention', author: '@kiez@social.example', name: 'Kiezinitiative', text: '@rathaus Wird die Baustelle am Marktplatz bis zum Weihnachtsmarkt fertig?', hoursAgo: 70, reply: 'Guten Tag, die Pflasterarbeiten am Marktplatz sind bis zum 1. Advent abgeschlossen. Der Weihnachtsmarkt findet wie geplant statt.' },
  { channel: 'Facebook Stadt Musterstadt', kind: 'comment', author: 'Gewinnspiel Team', name: null, text: 'Glückwunsch! Sie haben ein iPhone gewonnen, klicken Sie hier: http://gewinn.example', hoursAgo: 75, category: 'spam', status: 'hidden' },
  { channel: 'Instagram Stadt Musterstadt', kind: 'comment', author: 'frieda.k', name: null, text: 'Wo kann ich alte Elektrogeräte abgeben? Der Wertstoffhof hat samstags zu.', hoursAgo: 96 },
  { channel: 'Facebook Stadt Musterstadt', kind: 'comment', author: 'Uwe L.', name: 'Uwe Lange', text: 'Warum dauert die Bearbeitung meines Antrags auf Anwohnerparken schon sechs Wochen?', hoursAgo: 100, category: 'complaint' },
  { channel: 'Mastodon Rathaus', kind: 'mention', author: '@oeffis@social.example', name: 'ÖPNV-Fan', text: '@rathaus Fährt der Bus 12 während der Baustelle in der Hauptstraße eine Umleitung?', hoursAgo: 120, reply: 'Ja, Linie 12 fährt bis Ende Januar über die Gartenstraße. Alle Haltestellen: https://www.musterstadt.example/baustellen' },
  { channel: 'Facebook Stadt Musterstadt', kind: 'comment', author: 'Elke M.', name: 'Elke Meier', text: 'Muss ich für die Anmeldung im Bürgerbüro den Mietvertrag mitbringen?', hoursAgo: 140, reply: 'Guten Tag Frau Meier, Sie brauchen die Wohnungsgeberbestätigung, den Mietvertrag nicht. Das Formular finden Sie auf musterstadt.example/ummelden.' },
  { channel: null, kind: 'message', author: 'Bürgertelefon (Notiz)', name: null, text: 'Anrufer fragt, ob Gelbe Säcke auch im Bürgerbüro ausgegeben werden.', hoursAgo: 150 },
  { channel: 'Instagram Stadt Musterstadt', kind: 'comment', author: 'musterstaedter', name: null, text: 'Tolle Bilder vom Stadtfest! Nächstes Jahr bitte wieder mit Feuerwerk.', hoursAgo: 170, category: 'praise', status: 'closed_without_reply' },
  { channel: 'Facebook Stadt Musterstadt', kind: 'comment', author: 'Jürgen F.', name: 'Jürgen Fischer', text: 'Die Baustelle vor der Grundschule ist nicht richtig abgesichert, Kinder laufen direkt an der Grube vorbei!', hoursAgo: 190, category: 'complaint', status: 'escalated' },
  { channel: 'Mastodon Rathaus', kind: 'mention', author: '@nachbar@social.example', name: 'Nachbar', text: '@rathaus Wann ist die nächste Schadstoffsammlung im Abfallkalender?', hoursAgo: 200 },
];

/** Two routing rules, the inbox settings with departments, and the items above. */
export async function seedDemoInbox(manager: EntityManager, organizationId: string, moderatorUserId: string, now = new Date()): Promise<void> {
  await manager.upsert(
    InboxSettingsEntity,
    // Replies to complaints and hate comments go through the Freigabe first (decision 0020).
    { organizationId, departments: ['Bürgerbüro', 'Abfallwirtschaft', 'Tiefbauamt', 'Ordnungsamt'], responseTargetHours: 24, retentionDays: 180, sensitiveCategories: ['complaint', 'hate'] },
    ['organizationId'],
  );
  const channels = await manager.find(ChannelEntity, { where: { organizationId, name: In(['Mastodon Rathaus', 'Facebook Stadt Musterstadt', 'Instagram Stadt Musterstadt']) } });
  const channelId = (name: string | null) => (name ? (channels.find((c) => c.name === name)?.id ?? null) : null);
  const ruleRows = [
    { organizationId, position: 1, matchKind: 'keyword' as const, keyword: 'Abfall', category: 'question', department: 'Abfallwirtschaft' },
    { organizationId, position: 2, matchKind: 'keyword' as const, keyword: 'Baustelle', category: 'question', department: 'Tiefbauamt' },
    { organizationId, position: 3, matchKind: 'keyword' as const, keyword: 'Bürgerbüro', department: 'Bürgerbüro' },
  ];
  const rules: RoutingRule[] = [];
  for (const row of ruleRows) {
    const { identifiers } = await manager.insert(InboxRoutingRuleEntity, row);
    rules.push(toRoutingRule({ ...row, id: identifiers[0]!['id'] as string, active: true, channelId: null, assigneeUserId: null, priority: null, keyword: row.keyword, category: row.category ?? null, department: row.department } as InboxRoutingRuleEntity));
  }
  for (const item of ITEMS) {
    const receivedAt = new Date(now.getTime() - item.hoursAgo * HOUR);
    const routing = evaluateRoutingRules(rules, { text: item.text, channelId: channelId(item.channel) });
    const answered = item.reply !== undefined;
    const status: InboxStatus = answered ? 'answered' : (item.status ?? 'new');
    const { identifiers } = await manager.insert(InboxItemEntity, {
      organizationId,
      kind: item.kind,
      channelId: channelId(item.channel),
      source: 'manual',
      authorHandle: item.author,
      authorDisplayName: item.name,
      text: item.text,
      receivedAt,
      category: item.category ?? routing.category ?? null,
      priority: item.category === 'hate' || status === 'escalated' ? 'high' : 'normal',
      status,
      assigneeUserId: status === 'new' ? null : moderatorUserId,
      department: routing.department,
      responseDueAt: responseDueAt(receivedAt, { officeHours: DEFAULT_OFFICE_HOURS, timeZone: 'Europe/Berlin', bundesland: 'NW', targetHours: 24 }),
      firstResponseAt: answered ? new Date(receivedAt.getTime() + 3 * HOUR) : null,
      moderationAction: status === 'hidden' ? 'hide' : null,
      netiquetteRule: status === 'hidden' ? 'Nr. 5: keine Werbung und kein Spam' : null,
      moderatedByUserId: status === 'hidden' ? moderatorUserId : null,
    });
    const itemId = identifiers[0]!['id'] as string;
    await manager.insert(InboxHistoryEntity, { organizationId, itemId, actorUserId: null, action: 'inbox.item_captured', details: { source: 'demo', routedBy: routing.appliedRuleIds } as never, at: receivedAt });
    if (item.reply) {
      await manager.insert(InboxReplyEntity, { organizationId, itemId, body: item.reply, state: 'sent', delivery: 'copied', authorUserId: moderatorUserId, sentAt: new Date(receivedAt.getTime() + 3 * HOUR) });
    }
  }
}
