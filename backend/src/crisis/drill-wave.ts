import type { DrillWaveItem } from './incident.entity';

const COMMENTS: ReadonlyArray<readonly [string, string]> = [
  ['Beschwerde', 'Wer hat sich das denn ausgedacht? Niemand wurde gefragt!'],
  ['Frage', 'Wie lange soll das denn noch dauern?'],
  ['Beschwerde', 'Typisch Verwaltung, an den Bürgern vorbei entschieden.'],
  ['Hass-Beleidigung', 'Ihr seid doch alle unfähig da im Rathaus.'],
  ['Frage', 'Gibt es eine Umleitung für Anwohner?'],
  ['Beschwerde', 'Mein Geschäft verliert jeden Tag Kunden, wer zahlt das?'],
  ['Kritik', 'Die Information kam viel zu spät.'],
  ['Lob', 'Danke für die schnelle Antwort gestern.'],
];
const CHANNELS = ['Facebook', 'Instagram', 'Mastodon'];

/**
 * The generated comment wave of a drill (Übung): deterministic, rising over the first hour and
 * spreading from one channel to three, so the exercise starts like a real wave would. It is
 * stored with the drill and shown on its page; it never reaches the inbox or a channel.
 */
export function drillWave(level: number): DrillWaveItem[] {
  const count = 12 + Math.max(0, Math.min(6, level)) * 10;
  return Array.from({ length: count }, (_, i) => {
    const [category, text] = COMMENTS[i % COMMENTS.length];
    const spread = i < count / 3 ? 1 : i < (2 * count) / 3 ? 2 : 3;
    return { channel: CHANNELS[i % spread], minute: Math.floor((i * 60) / count), category, text };
  });
}
