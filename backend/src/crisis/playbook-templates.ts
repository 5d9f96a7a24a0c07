import { DEFAULT_SHITSTORM_SCALE, type ChecklistStep, type PlaybookContact, type PlaybookContent, type PlaybookLevel } from '@amtsplan/domain';

/**
 * The playbook templates every organization can copy and adapt (Einstellungen → Krisen-Playbooks).
 * They are content, not data: kept here, copied into the organization's own playbook on „Vorlage
 * übernehmen“. Contacts are placeholders to be replaced by the authority's own people.
 */
export interface PlaybookTemplate {
  readonly key: string;
  readonly content: PlaybookContent;
}

const role = (r: string) => ({ kind: 'role' as const, role: r });

const CONTACTS: readonly PlaybookContact[] = [
  { id: 'pressestelle', name: 'Leitung Pressestelle', function: 'Pressesprecher*in', phone: '', deputy: 'Stellv. Pressesprecher*in', reachability: 'Mo–Fr 7–18 Uhr, sonst Bereitschaftshandy', userId: null },
  { id: 'verwaltungsspitze', name: 'Büro der Verwaltungsspitze', function: 'Bürgermeister*in / Landrät*in', phone: '', deputy: 'Allgemeine Vertretung', reachability: 'Über das Vorzimmer, abends über die Pressestelle', userId: null },
  { id: 'fachbereich', name: 'Leitung des betroffenen Fachbereichs', function: 'Fachliche Auskunft', phone: '', deputy: 'Stellv. Fachbereichsleitung', reachability: 'Mo–Fr 8–16 Uhr', userId: null },
  { id: 'rechtsamt', name: 'Rechtsamt', function: 'Rechtliche Prüfung von Aussagen und Anzeigen', phone: '', deputy: 'Justiziariat', reachability: 'Mo–Fr 8–16 Uhr', userId: null },
];

interface LevelPlan {
  readonly steps: ReadonlyArray<readonly [string, string, number]>;
  readonly contactIds: readonly string[];
  readonly dos: readonly string[];
  readonly donts: readonly string[];
  readonly stop?: boolean;
}

function content(name: string, scenario: string, contacts: readonly PlaybookContact[], plans: { readonly [level: number]: LevelPlan }): PlaybookContent {
  const levels: PlaybookLevel[] = DEFAULT_SHITSTORM_SCALE.filter((l) => plans[l.level]).map((l) => {
    const plan = plans[l.level];
    const checklist: ChecklistStep[] = plan.steps.map(([title, who, minutes], i) => ({ id: `s${l.level}-${i + 1}`, title, responsible: role(who), dueWithinMinutes: minutes }));
    return {
      level: l.level,
      name: l.name,
      ownChannels: l.ownChannels,
      otherMedia: l.otherMedia,
      triggers: l.triggers,
      checklist,
      contactIds: [...plan.contactIds],
      holdingStatementIds: [],
      dos: [...plan.dos],
      donts: [...plan.donts],
      stopRecommended: plan.stop ?? false,
    };
  });
  return { name, scenario, contacts: [...contacts], levels };
}

const ALWAYS_DONT = ['Kritische Kommentare nicht löschen, solange sie nicht strafbar sind oder gegen die Netiquette verstoßen.', 'Nicht ironisch oder gereizt antworten.'];

export const PLAYBOOK_TEMPLATES: readonly PlaybookTemplate[] = [
  {
    key: 'kritikwelle',
    content: content(
      'Kritikwelle zu einer Entscheidung oder Baustelle',
      'Eine Entscheidung der Verwaltung (z. B. Sperrung, Baumfällung, Gebührenerhöhung) oder eine Baustelle löst viele kritische Kommentare aus.',
      CONTACTS,
      {
        1: {
          steps: [
            ['Kommentare sichten und wiederkehrende Fragen sammeln', 'Redaktion', 30],
            ['Fakten zur Entscheidung beim Fachbereich erfragen (Grund, Dauer, Alternativen)', 'Redaktion', 60],
          ],
          contactIds: ['fachbereich'],
          dos: ['Sachliche Fragen einzeln und zügig beantworten.', 'Auf bestehende Informationen (Baustellenseite, Bürgertelefon) verlinken.'],
          donts: ALWAYS_DONT,
        },
        2: {
          steps: [
            ['Ein Frage-Antwort-Dokument mit dem Fachbereich abstimmen', 'Redaktion', 120],
            ['Pressestelle informieren', 'Redaktion', 30],
            ['Planungen der nächsten 48 Stunden auf unpassende Beiträge prüfen', 'Redaktion', 60],
          ],
          contactIds: ['fachbereich', 'pressestelle'],
          dos: ['Verständnis für den Ärger zeigen, ohne die Entscheidung zu relativieren.', 'Ansprechpartner für Rückfragen nennen.'],
          donts: [...ALWAYS_DONT, 'Keine Zusagen machen, die der Fachbereich nicht bestätigt hat.'],
        },
        3: {
          steps: [
            ['Krisenstab Kommunikation einberufen (Pressestelle, Fachbereich, Redaktion)', 'Pressestelle', 30],
            ['Haltungsstatement freigeben lassen und auf allen Kanälen veröffentlichen', 'Pressestelle', 60],
            ['Kommunikationsstopp für geplante Beiträge prüfen', 'Redaktion', 15],
            ['Presseanfragen zentral in der Pressestelle bündeln', 'Pressestelle', 30],
          ],
          contactIds: ['pressestelle', 'fachbereich', 'verwaltungsspitze'],
          dos: ['Ein gemeinsames Statement auf allen Kanälen, wiederkehrende Fragen mit einem Verweis darauf beantworten.', 'Feste Zeiten für Updates nennen.'],
          donts: [...ALWAYS_DONT, 'Keine Werbe- oder Unterhaltungsbeiträge veröffentlichen, solange die Welle läuft.'],
          stop: true,
        },
        4: {
          steps: [
            ['Verwaltungsspitze persönlich unterrichten', 'Pressestelle', 15],
            ['Dialogangebot prüfen (Bürgerinformation vor Ort, Sprechstunde)', 'Verwaltungsspitze', 240],
            ['Strafbare Inhalte dokumentieren (Screenshot mit Datum) und dem Rechtsamt melden', 'Community-Management', 60],
          ],
          contactIds: ['pressestelle', 'verwaltungsspitze', 'rechtsamt'],
          dos: ['Fehler offen einräumen, wenn es sie gab.', 'Die Verwaltungsspitze sichtbar Stellung nehmen lassen.'],
          donts: [...ALWAYS_DONT, 'Keine Einzelpersonen aus der Verwaltung namentlich in die Diskussion ziehen.'],
          stop: true,
        },
      },
    ),
  },
  {
    key: 'datenpanne',
    content: content(
      'Datenpanne',
      'Personenbezogene Daten von Bürgerinnen und Bürgern sind unbefugt offengelegt worden (falscher Versand, Hackerangriff, offener Server) und die Öffentlichkeit erfährt davon.',
      [...CONTACTS, { id: 'datenschutz', name: 'Behördliche*r Datenschutzbeauftragte*r', function: 'Meldung nach Art. 33 DSGVO (72 Stunden)', phone: '', deputy: 'Stellv. Datenschutzbeauftragte*r', reachability: 'Mo–Fr 8–16 Uhr, sonst über die IT-Leitstelle', userId: null }],
      {
        1: {
          steps: [
            ['Datenschutzbeauftragte*n informieren', 'Redaktion', 30],
            ['Nur bestätigte Fakten sammeln: Was ist passiert, wer ist betroffen, seit wann?', 'Redaktion', 60],
          ],
          contactIds: ['datenschutz'],
          dos: ['Betroffene an eine feste Kontaktstelle verweisen.'],
          donts: [...ALWAYS_DONT, 'Keine Vermutungen über Ursache oder Umfang äußern.'],
        },
        3: {
          steps: [
            ['Haltungsstatement mit Datenschutz und Rechtsamt abstimmen', 'Pressestelle', 60],
            ['Kommunikationsstopp aktivieren: keine geplanten Beiträge während der Aufklärung', 'Redaktion', 15],
            ['Informationsseite für Betroffene mit Handlungsempfehlungen veröffentlichen', 'Pressestelle', 240],
            ['Meldung an die Aufsichtsbehörde mit dem Datenschutz klären (Frist 72 Stunden)', 'Datenschutzbeauftragte*r', 1440],
          ],
          contactIds: ['pressestelle', 'datenschutz', 'rechtsamt', 'verwaltungsspitze'],
          dos: ['Transparent sagen, was bekannt ist und was noch geprüft wird.', 'Konkrete Schritte für Betroffene nennen (Passwort ändern, Kontakt).'],
          donts: [...ALWAYS_DONT, 'Keine Details nennen, die Angreifern helfen.', 'Die Panne nicht kleinreden.'],
          stop: true,
        },
        5: {
          steps: [
            ['Pressekonferenz mit Verwaltungsspitze und IT vorbereiten', 'Pressestelle', 240],
            ['Tägliches Update zu festen Zeiten veröffentlichen', 'Pressestelle', 1440],
          ],
          contactIds: ['pressestelle', 'verwaltungsspitze', 'datenschutz', 'rechtsamt'],
          dos: ['Verantwortung übernehmen, Entschuldigung durch die Verwaltungsspitze.'],
          donts: [...ALWAYS_DONT, 'Keine Schuldzuweisungen an Dienstleister oder Mitarbeitende in der Öffentlichkeit.'],
          stop: true,
        },
      },
    ),
  },
  {
    key: 'unwetter',
    content: content(
      'Unwetter oder Gefahrenlage',
      'Unwetter, Hochwasser, Großbrand oder eine andere Gefahrenlage: Die Kanäle werden zur Warnung gebraucht, Falschmeldungen und Kritik am Krisenmanagement nehmen zu.',
      [...CONTACTS, { id: 'leitstelle', name: 'Feuerwehr- und Rettungsleitstelle / Stab für außergewöhnliche Ereignisse', function: 'Lagebild und amtliche Warnungen', phone: '', deputy: 'Lagedienst', reachability: 'Rund um die Uhr', userId: null }],
      {
        2: {
          steps: [
            ['Amtliche Warnungen (NINA, DWD) teilen, nur aus gesicherten Quellen', 'Redaktion', 15],
            ['Geplante Beiträge auf Unpassendes prüfen (Veranstaltungen, Ausflugstipps)', 'Redaktion', 30],
          ],
          contactIds: ['leitstelle'],
          dos: ['Klare, kurze Handlungsanweisungen geben.', 'Auf Warn-App und Bürgertelefon verweisen.'],
          donts: ['Keine unbestätigten Meldungen weitergeben.', 'Keine Fotos von Verletzten oder erkennbaren Betroffenen.'],
        },
        3: {
          steps: [
            ['Kommunikationsstopp für alle nicht lagebezogenen Beiträge aktivieren', 'Redaktion', 10],
            ['Lagemeldungen im festen Takt mit der Leitstelle abstimmen', 'Pressestelle', 60],
            ['Falschmeldungen sammeln und mit einem Faktencheck richtigstellen', 'Community-Management', 60],
          ],
          contactIds: ['leitstelle', 'pressestelle', 'verwaltungsspitze'],
          dos: ['Feste Update-Zeiten nennen und einhalten.', 'Hilfsangebote und Notunterkünfte sichtbar machen.'],
          donts: ['Keine Spekulationen über Ursachen oder Opferzahlen.', 'Keine Werbe- oder Eventbeiträge.'],
          stop: true,
        },
        5: {
          steps: [
            ['Social-Media-Dienst im Schichtbetrieb rund um die Uhr besetzen', 'Pressestelle', 120],
            ['Statement der Verwaltungsspitze zur Lage veröffentlichen', 'Verwaltungsspitze', 180],
          ],
          contactIds: ['leitstelle', 'pressestelle', 'verwaltungsspitze'],
          dos: ['Dank an Einsatzkräfte und Helfende aussprechen.'],
          donts: ['Keine Schuldfragen klären, solange die Lage andauert.'],
          stop: true,
        },
      },
    ),
  },
  {
    key: 'hasswelle',
    content: content(
      'Hasswelle gegen Mitarbeitende',
      'Eine Mitarbeiterin oder ein Mitarbeiter der Verwaltung (z. B. aus Ordnungsamt, Jugendamt, Pressestelle) wird in den sozialen Medien beleidigt, bedroht oder bloßgestellt.',
      [...CONTACTS, { id: 'personalrat', name: 'Personalrat', function: 'Unterstützung der betroffenen Person', phone: '', deputy: 'Stellv. Vorsitz', reachability: 'Mo–Fr 8–15 Uhr', userId: null }],
      {
        1: {
          steps: [
            ['Beleidigende und bedrohende Inhalte mit Datum und Link sichern', 'Community-Management', 30],
            ['Vorgesetzte der betroffenen Person informieren', 'Redaktion', 60],
          ],
          contactIds: ['personalrat'],
          dos: ['Strafbare Inhalte verbergen oder löschen und melden.', 'Netiquette sichtbar verlinken.'],
          donts: ['Den Namen der betroffenen Person nicht nennen oder wiederholen.'],
        },
        3: {
          steps: [
            ['Mit der betroffenen Person sprechen und Unterstützung anbieten (Personalrat, Beratungsstelle)', 'Fachbereichsleitung', 60],
            ['Strafanzeige mit dem Rechtsamt prüfen und stellen', 'Rechtsamt', 240],
            ['Schutzerklärung der Verwaltungsspitze veröffentlichen', 'Pressestelle', 120],
            ['Privatsphäre der Person prüfen (Adresse, private Profile) und Sperrvermerk anregen', 'Personalrat', 240],
          ],
          contactIds: ['pressestelle', 'rechtsamt', 'personalrat', 'verwaltungsspitze'],
          dos: ['Klar Position beziehen: Die Verwaltung steht hinter ihren Mitarbeitenden.', 'Sachliche Kritik an der Entscheidung von Angriffen auf Personen trennen.'],
          donts: ['Keine Details aus Personalakte oder Verfahren veröffentlichen.', 'Die betroffene Person nicht selbst antworten lassen.'],
          stop: true,
        },
        5: {
          steps: [
            ['Polizei und Staatsschutz bei Bedrohungen einschalten', 'Rechtsamt', 60],
            ['Schutzmaßnahmen am Arbeitsplatz mit der Dienststelle abstimmen', 'Verwaltungsspitze', 240],
          ],
          contactIds: ['rechtsamt', 'personalrat', 'verwaltungsspitze'],
          dos: ['Jede Bedrohung anzeigen.'],
          donts: ['Nicht mit den Angreifenden diskutieren.'],
          stop: true,
        },
      },
    ),
  },
];

export function playbookTemplate(key: string): PlaybookTemplate | null {
  return PLAYBOOK_TEMPLATES.find((t) => t.key === key) ?? null;
}
