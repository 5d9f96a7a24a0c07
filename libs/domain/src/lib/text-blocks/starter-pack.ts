import type { AddressForm } from './address-forms';

/** One example block of the starter pack, written in both forms of address. */
export interface StarterBlock {
  readonly shortCode: string;
  readonly title: string;
  /** One of DEFAULT_TEXT_BLOCK_CATEGORIES. */
  readonly category: string;
  readonly tags: readonly string[];
  readonly sie: string;
  readonly du: string;
}

/**
 * Example replies for a municipality. Loaded in the organization's form of address only, as
 * drafts: they still go through the organization's Freigabe like any other block.
 */
export const STARTER_PACK: readonly StarterBlock[] = [
  {
    shortCode: 'oeffnungszeiten',
    title: 'Öffnungszeiten Bürgerbüro',
    category: 'Öffnungszeiten',
    tags: ['bürgerbüro'],
    sie: 'Hallo {{name}}, unser Bürgerbüro ist Montag bis Freitag von 8 bis 12 Uhr und donnerstags zusätzlich von 14 bis 18 Uhr für Sie da. Alle Zeiten finden Sie hier: {{link}}',
    du: 'Hallo {{name}}, unser Bürgerbüro ist Montag bis Freitag von 8 bis 12 Uhr und donnerstags zusätzlich von 14 bis 18 Uhr für dich da. Alle Zeiten findest du hier: {{link}}',
  },
  {
    shortCode: 'termin',
    title: 'Termin im Bürgerbüro buchen',
    category: 'Termine/Bürgerbüro',
    tags: ['termin', 'online'],
    sie: 'Hallo {{name}}, einen Termin im Bürgerbüro können Sie bequem online buchen: {{link}} – freie Termine werden täglich ergänzt.',
    du: 'Hallo {{name}}, einen Termin im Bürgerbüro kannst du bequem online buchen: {{link}} – freie Termine werden täglich ergänzt.',
  },
  {
    shortCode: 'ausweis',
    title: 'Personalausweis beantragen',
    category: 'Termine/Bürgerbüro',
    tags: ['ausweis'],
    sie: 'Hallo {{name}}, für einen neuen Personalausweis bringen Sie bitte ein biometrisches Passfoto und Ihren alten Ausweis mit. Termine gibt es hier: {{link}}',
    du: 'Hallo {{name}}, für einen neuen Personalausweis bring bitte ein biometrisches Passfoto und deinen alten Ausweis mit. Termine gibt es hier: {{link}}',
  },
  {
    shortCode: 'abfall',
    title: 'Abfuhrkalender',
    category: 'Abfall',
    tags: ['müll', 'abfuhr'],
    sie: 'Hallo {{name}}, die Abfuhrtermine für Ihre Straße finden Sie im Abfuhrkalender: {{link}} – dort können Sie sich auch erinnern lassen.',
    du: 'Hallo {{name}}, die Abfuhrtermine für deine Straße findest du im Abfuhrkalender: {{link}} – dort kannst du dich auch erinnern lassen.',
  },
  {
    shortCode: 'sperrmuell',
    title: 'Sperrmüll anmelden',
    category: 'Abfall',
    tags: ['sperrmüll'],
    sie: 'Hallo {{name}}, Sperrmüll melden Sie online an: {{link}}. Der Abholtermin wird Ihnen per E-Mail bestätigt.',
    du: 'Hallo {{name}}, Sperrmüll meldest du online an: {{link}}. Den Abholtermin bekommst du per E-Mail bestätigt.',
  },
  {
    shortCode: 'baustelle',
    title: 'Baustelle und Umleitung',
    category: 'Baustellen & Verkehr',
    tags: ['verkehr'],
    sie: 'Hallo {{name}}, danke für Ihren Hinweis. Die Arbeiten dauern voraussichtlich bis {{datum}}. Die Umleitung ist ausgeschildert; aktuelle Informationen: {{link}}',
    du: 'Hallo {{name}}, danke für deinen Hinweis. Die Arbeiten dauern voraussichtlich bis {{datum}}. Die Umleitung ist ausgeschildert; aktuelle Infos: {{link}}',
  },
  {
    shortCode: 'kita',
    title: 'Kita-Platz anmelden',
    category: 'Kita & Schule',
    tags: ['kita'],
    sie: 'Hallo {{name}}, einen Kita-Platz können Sie über das Kita-Portal anmelden: {{link}}. Bei Fragen hilft Ihnen das Jugendamt gern weiter.',
    du: 'Hallo {{name}}, einen Kita-Platz kannst du über das Kita-Portal anmelden: {{link}}. Bei Fragen hilft dir das Jugendamt gern weiter.',
  },
  {
    shortCode: 'stellen',
    title: 'Offene Stellen',
    category: 'Stellenangebote',
    tags: ['karriere'],
    sie: 'Hallo {{name}}, schön, dass Sie sich für uns interessieren! Alle offenen Stellen finden Sie hier: {{link}}',
    du: 'Hallo {{name}}, schön, dass du dich für uns interessierst! Alle offenen Stellen findest du hier: {{link}}',
  },
  {
    shortCode: 'veranstaltung',
    title: 'Veranstaltungshinweis',
    category: 'Veranstaltungen',
    tags: ['veranstaltung'],
    sie: 'Hallo {{name}}, die Veranstaltung findet am {{datum}} statt. Alle Details und das Programm finden Sie hier: {{link}}',
    du: 'Hallo {{name}}, die Veranstaltung findet am {{datum}} statt. Alle Details und das Programm findest du hier: {{link}}',
  },
  {
    shortCode: 'datenschutz',
    title: 'Keine persönlichen Daten öffentlich',
    category: 'Datenschutz',
    tags: ['datenschutz'],
    sie: 'Hallo {{name}}, bitte schreiben Sie uns persönliche Daten wie Adresse oder Aktenzeichen nicht öffentlich, sondern per Direktnachricht oder E-Mail. Unsere Datenschutzhinweise: {{link}}',
    du: 'Hallo {{name}}, bitte schreib uns persönliche Daten wie Adresse oder Aktenzeichen nicht öffentlich, sondern per Direktnachricht oder E-Mail. Unsere Datenschutzhinweise: {{link}}',
  },
  {
    shortCode: 'netiquette',
    title: 'Hinweis auf die Netiquette',
    category: 'Netiquette-Hinweis',
    tags: ['moderation'],
    sie: 'Hallo {{name}}, wir freuen uns über Diskussionen, bitten aber um einen respektvollen Ton. Unsere Netiquette: {{link}}',
    du: 'Hallo {{name}}, wir freuen uns über Diskussionen, bitten aber um einen respektvollen Ton. Unsere Netiquette: {{link}}',
  },
  {
    shortCode: 'hass',
    title: 'Beleidigender Kommentar verborgen',
    category: 'Hass & Beleidigung',
    tags: ['moderation'],
    sie: 'Wir haben einen Kommentar verborgen, weil er Menschen beleidigt. Beleidigungen und Hetze haben hier keinen Platz. Unsere Netiquette: {{link}}',
    du: 'Wir haben einen Kommentar verborgen, weil er Menschen beleidigt. Beleidigungen und Hetze haben hier keinen Platz. Unsere Netiquette: {{link}}',
  },
  {
    shortCode: 'weiterleitung',
    title: 'An den Fachbereich weitergeleitet',
    category: 'Weiterleitung an Fachbereich',
    tags: ['fachbereich'],
    sie: 'Hallo {{name}}, danke für Ihre Frage! Wir haben sie an den zuständigen Fachbereich weitergegeben und melden uns bis {{datum}} bei Ihnen.',
    du: 'Hallo {{name}}, danke für deine Frage! Wir haben sie an den zuständigen Fachbereich weitergegeben und melden uns bis {{datum}} bei dir.',
  },
  {
    shortCode: 'krise',
    title: 'Haltungsstatement: Wir prüfen den Vorfall',
    category: 'Krisen-Haltungsstatement',
    tags: ['krise'],
    sie: 'Wir nehmen die Hinweise sehr ernst und prüfen den Sachverhalt. Sobald wir gesicherte Informationen haben, informieren wir Sie hier: {{link}}',
    du: 'Wir nehmen die Hinweise sehr ernst und prüfen den Sachverhalt. Sobald wir gesicherte Informationen haben, informieren wir dich hier: {{link}}',
  },
];

/** The starter pack's body in one form of address. */
export function starterBody(block: StarterBlock, form: AddressForm): { sie: string | null; du: string | null } {
  return form === 'sie' ? { sie: block.sie, du: null } : { sie: null, du: block.du };
}
