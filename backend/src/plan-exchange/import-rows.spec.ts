import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readImportFile } from './import-file-reader';
import { suggestMapping } from './import-mapping';
import { validateRows } from './import-rows';
import { toImportTable } from './import-table';

const FIXTURES = join(__dirname, '..', '..', 'test', 'fixtures');
const catalog = {
  channels: new Map([
    ['facebook stadt musterstadt', 'c0000000-0000-4000-8000-000000000001'],
    ['instagram stadt musterstadt', 'c0000000-0000-4000-8000-000000000002'],
  ]),
  topics: new Map([['veranstaltungen', 'a0000000-0000-4000-8000-000000000001']]),
  timeZone: 'Europe/Berlin',
};

describe('importing the sample plan', () => {
  it.each(['redaktionsplan-beispiel.xlsx', 'redaktionsplan-beispiel.csv'])('reads %s into the same valid posts', async (name) => {
    const table = toImportTable(await readImportFile(readFileSync(join(FIXTURES, name))))!;
    expect(table.columns).toEqual(['Datum', 'Uhrzeit', 'Thema', 'Beitragstext', 'Kanal', 'Status']);
    const mapping = suggestMapping(table.columns);
    expect(mapping).toEqual({ date: 'Datum', time: 'Uhrzeit', workingTitle: 'Thema', text: 'Beitragstext', channels: 'Kanal', status: 'Status' });
    const result = validateRows(table, { date: 'Datum', workingTitle: 'Thema', ...mapping }, catalog);
    expect(result.errors).toEqual([]);
    expect(result.valid).toHaveLength(11);
    expect(result.valid[0]).toMatchObject({
      row: 2,
      post: {
        workingTitle: 'Adventskalender Tür 1: Stadtbibliothek',
        status: 'draft',
        // 10:00 in Berlin in December is 09:00 UTC.
        planning: { kind: 'time', at: '2026-12-01T09:00:00.000Z' },
        variants: [{ channelId: 'c0000000-0000-4000-8000-000000000001' }, { channelId: 'c0000000-0000-4000-8000-000000000002' }],
      },
    });
    expect(result.valid[2]!.post).toMatchObject({ planning: { kind: 'day', date: '2026-12-05' }, status: 'idea' });
    // The time typed as text "9:00" reads like the time cells.
    expect(result.valid[8]!.post.planning).toEqual({ kind: 'time', at: '2027-01-04T08:00:00.000Z' });
    // An empty status is a draft.
    expect(result.valid[9]!.post.status).toBe('draft');
  });

  it('reports every problem of a row with its sheet row and column, in German', async () => {
    const csv = Buffer.from(
      [
        'Datum;Uhrzeit;Titel;Kanal;Thema;Status',
        '31.12.26;25:00;Silvester;Facebook Stadt Musterstadt;Veranstaltungen;Freigegeben',
        '2026-02-30;;;TikTok;Sport;',
        '01.01.2027;9:30;Neujahr;instagram stadt musterstadt;VERANSTALTUNGEN;idee',
      ].join('\n'),
    );
    const table = toImportTable(await readImportFile(csv))!;
    const mapping = { date: 'Datum', time: 'Uhrzeit', workingTitle: 'Titel', channels: 'Kanal', topic: 'Thema', status: 'Status' };
    const result = validateRows(table, mapping, catalog);
    expect(result.errors).toEqual([
      { row: 2, column: 'Uhrzeit', message: '„25:00“ ist keine Uhrzeit (erwartet z. B. 09:30).' },
      { row: 2, column: 'Status', message: 'Status „Freigegeben“ ist beim Import nicht möglich; erlaubt sind Idee und Entwurf.' },
      { row: 3, column: 'Titel', message: 'Bitte einen Arbeitstitel angeben.' },
      { row: 3, column: 'Datum', message: '„2026-02-30“ ist kein Datum (erwartet z. B. 31.12.2026).' },
      { row: 3, column: 'Kanal', message: 'Den Kanal „TikTok“ gibt es in dieser Behörde nicht.' },
      { row: 3, column: 'Thema', message: 'Das Thema „Sport“ gibt es in dieser Behörde nicht.' },
    ]);
    expect(result.invalidRows).toBe(2);
    expect(result.valid).toEqual([
      {
        row: 4,
        post: expect.objectContaining({
          workingTitle: 'Neujahr',
          status: 'idea',
          planning: { kind: 'time', at: '2027-01-01T08:30:00.000Z' },
          topicId: 'a0000000-0000-4000-8000-000000000001',
          variants: [{ channelId: 'c0000000-0000-4000-8000-000000000002', text: null }],
        }),
      },
    ]);
  });

  it('checks lengths with the post contract and names the column', async () => {
    const csv = Buffer.from(`Datum,Titel,Schlagwörter\n01.03.2027,${'x'.repeat(201)},"#Kita, Bildung"\n`);
    const table = toImportTable(await readImportFile(csv))!;
    const result = validateRows(table, { date: 'Datum', workingTitle: 'Titel', tags: 'Schlagwörter' }, catalog);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ row: 2, column: 'Titel' });
  });
});
