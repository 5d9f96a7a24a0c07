import { Injectable } from '@nestjs/common';
import { CaptureInboxItemRequest, type InboxImportResult } from '@amtsplan/contracts';
import { parse } from 'csv-parse/sync';
import { AuditLog } from '../audit/audit-log';
import { ChannelEntity } from '../channels/channel.entity';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { detectSeparator } from '../plan-exchange/csv-sheet-reader';
import { InboxArrival } from './inbox-capture.service';

/** Column names of the import file (German headers; case and surrounding spaces ignored). */
const COLUMNS = {
  author: 'autor',
  displayName: 'anzeigename',
  text: 'text',
  receivedAt: 'empfangen',
  channel: 'kanal',
  permalink: 'link',
  kind: 'art',
  externalId: 'externe_id',
} as const;

const KINDS: Record<string, 'comment' | 'message' | 'mention'> = {
  kommentar: 'comment',
  nachricht: 'message',
  direktnachricht: 'message',
  erwähnung: 'mention',
  erwaehnung: 'mention',
};

/** '2026-12-07T09:30:00+01:00' or the German '07.12.2026 09:30' (read in the organization's zone by the caller). */
function parseReceived(value: string): string | null {
  if (!value) return null;
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(value);
  if (german) {
    const [, d, m, y, hh = '0', mm = '0'] = german;
    const local = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}T${hh.padStart(2, '0')}:${mm}`;
    return local;
  }
  return Number.isNaN(Date.parse(value)) ? 'invalid' : new Date(value).toISOString();
}

/**
 * CSV import of comments collected elsewhere (e.g. exported from a platform's tool). Each
 * row is checked like a manual capture; rows with errors are reported by line number and
 * skipped, the others arrive (routing included). Rows with an external id already on the
 * channel count as duplicates. One audit event for the whole file.
 */
@Injectable()
export class InboxImportService {
  constructor(
    private readonly arrival: InboxArrival,
    private readonly audit: AuditLog,
  ) {}

  async importCsv(csv: string, zonedLocalToUtc: (local: string) => Date): Promise<InboxImportResult> {
    const text = csv.replace(/^\uFEFF/, '');
    let rows: Record<string, string>[];
    try {
      rows = parse(text, { delimiter: detectSeparator(text), columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, trim: true, relax_column_count: true });
    } catch (error) {
      throw ProblemException.validation([{ path: 'csv', message: `Die Datei ist kein lesbares CSV: ${(error as Error).message}` }]);
    }
    if (rows.length > 5000) throw ProblemException.validation([{ path: 'csv', message: 'Höchstens 5000 Zeilen je Datei' }]);
    const { organizationId } = RequestScope.organization();
    const channels = await RequestScope.manager().find(ChannelEntity, { where: { organizationId }, select: { id: true, name: true } });
    const byName = new Map(channels.map((c) => [c.name.trim().toLowerCase(), c.id]));
    const result = { created: 0, duplicates: 0, errors: [] as Array<{ row: number; message: string }> };

    for (const [index, row] of rows.entries()) {
      const line = index + 2; // header is line 1
      const channelName = row[COLUMNS.channel]?.trim().toLowerCase() ?? '';
      const channelId = channelName ? byName.get(channelName) : null;
      if (channelName && !channelId) {
        result.errors.push({ row: line, message: `Unbekannter Kanal „${row[COLUMNS.channel]}“` });
        continue;
      }
      const kindText = (row[COLUMNS.kind] ?? '').trim().toLowerCase();
      const kind = kindText ? KINDS[kindText] : 'comment';
      if (!kind) {
        result.errors.push({ row: line, message: `Unbekannte Art „${row[COLUMNS.kind]}“ (Kommentar, Nachricht oder Erwähnung)` });
        continue;
      }
      const received = parseReceived(row[COLUMNS.receivedAt] ?? '');
      if (received === 'invalid') {
        result.errors.push({ row: line, message: 'Empfangszeit nicht lesbar (TT.MM.JJJJ HH:MM oder ISO 8601)' });
        continue;
      }
      const parsed = CaptureInboxItemRequest.safeParse({
        kind,
        channelId: channelId ?? null,
        authorHandle: row[COLUMNS.author] ?? '',
        authorDisplayName: row[COLUMNS.displayName] ?? null,
        text: row[COLUMNS.text] ?? '',
        permalink: row[COLUMNS.permalink] ?? null,
        receivedAt: received === null ? null : received.endsWith('Z') ? received : zonedLocalToUtc(received).toISOString(),
      });
      if (!parsed.success) {
        result.errors.push({ row: line, message: parsed.error.issues.map((issue) => issue.message).join('; ') });
        continue;
      }
      const externalId = row[COLUMNS.externalId]?.trim() || null;
      if (externalId && !channelId) {
        result.errors.push({ row: line, message: 'Eine externe ID braucht einen Kanal' });
        continue;
      }
      const item = await this.arrival.receive(parsed.data, { source: 'csv', externalId }, false);
      if (item) result.created++;
      else result.duplicates++;
    }
    await this.audit.recordInOrganization({ action: 'inbox.items_imported', objectType: 'inbox_items', details: { created: result.created, duplicates: result.duplicates, errors: result.errors.length } });
    return result;
  }
}
