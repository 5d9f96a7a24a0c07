import { planCsv } from './csv-plan-file';
import { toPlanTable } from './plan-table';
import { guardFormula } from './spreadsheet-formula-guard';

describe('exporting the plan as CSV', () => {
  it('guards cells a spreadsheet would run as a formula', () => {
    for (const dangerous of ['=HYPERLINK("http://x")', '+49 123', '-5 Grad', '@SUM(A1)', '\t=1', '\r=1']) expect(guardFormula(dangerous)).toBe(`'${dangerous}`);
    for (const harmless of ['Stadtfest', '31.12.2026', '', 'a=b']) expect(guardFormula(harmless)).toBe(harmless);
  });

  it('writes the German Excel dialect: BOM, semicolons, CRLF, dates in the organization zone', () => {
    const rows = toPlanTable(
      [
        {
          planning: { kind: 'time', at: '2026-12-31T22:30:00Z' },
          workingTitle: 'Neujahr; Feuerwerk',
          text: '=1+1',
          variants: [{ channelId: 'c1', text: null }],
          topicId: 't1',
          status: 'in_approval',
          tags: ['Silvester', 'Sicherheit'],
          responsibleUserId: 'u1',
        },
        { planning: { kind: 'day', date: '2027-01-02' }, workingTitle: 'Ganztägig', text: '', variants: [], topicId: null, status: 'draft', tags: [], responsibleUserId: null },
      ],
      { channels: new Map([['c1', 'Facebook Stadt']]), topics: new Map([['t1', 'Ordnung']]), people: new Map([['u1', 'Rita Redaktion']]) },
      'Europe/Berlin',
    );
    const csv = planCsv(rows);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8').slice(1).split('\r\n')).toEqual([
      'Datum;Uhrzeit;Arbeitstitel;Text;Kanäle;Thema;Status;Schlagwörter;Verantwortlich',
      '31.12.2026;23:30;"Neujahr; Feuerwerk";\'=1+1;Facebook Stadt;Ordnung;In Freigabe;Silvester, Sicherheit;Rita Redaktion',
      '02.01.2027;;Ganztägig;;;;Entwurf;;',
      '',
    ]);
  });
});
