import { readImportFile } from './import-file-reader';
import { decodeUtf8Text, detectSeparator, readCsvSheet } from './csv-sheet-reader';
import { toImportTable } from './import-table';

describe('reading CSV plans', () => {
  it('detects the separator from the header line, ignoring quoted text', () => {
    expect(detectSeparator('Datum;Titel;Text\n1;2;3')).toBe(';');
    expect(detectSeparator('Datum,Titel,Text\n1,2,3')).toBe(',');
    expect(detectSeparator('"Datum, Tag";"Titel, kurz"\n')).toBe(';');
    expect(detectSeparator('Datum\n01.12.2026')).toBe(';');
  });

  it('decodes UTF-8 with or without byte order mark and refuses Windows-1252 and binary files', () => {
    expect(decodeUtf8Text(Buffer.from('\uFEFFKanäle', 'utf8'))).toBe('Kanäle');
    expect(decodeUtf8Text(Buffer.from('Kanäle', 'utf8'))).toBe('Kanäle');
    expect(decodeUtf8Text(Buffer.from([0x4b, 0x61, 0x6e, 0xe4, 0x6c, 0x65]))).toBeNull();
    expect(decodeUtf8Text(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBeNull();
    expect(decodeUtf8Text(Buffer.from('ab\u0000cd'))).toBeNull();
  });

  it('keeps line breaks inside quoted cells and numbers records as rows', () => {
    const sheet = readCsvSheet('Datum;Text\n01.12.2026;"Zeile eins\nZeile zwei"\n\n02.12.2026;kurz\n');
    const table = toImportTable(sheet)!;
    expect(table.rows.map((row) => [row.number, row.cells[1]])).toEqual([
      [2, 'Zeile eins\nZeile zwei'],
      [4, 'kurz'],
    ]);
  });

  it('names empty and repeated headers so a mapping is unambiguous', () => {
    const table = toImportTable(readCsvSheet('Datum;;Thema;Thema\n1;2;3;4\n'))!;
    expect(table.columns).toEqual(['Datum', 'Spalte B', 'Thema', 'Thema (2)']);
  });

  it('decides by content: a renamed image is refused with 415, an old .xls too, broken quotes with 422', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    await expect(readImportFile(png)).rejects.toMatchObject({ problem: { status: 415 } });
    await expect(readImportFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).rejects.toMatchObject({ problem: { status: 415, detail: expect.stringContaining('.xls') } });
    await expect(readImportFile(Buffer.from('Datum;Titel\n"01.12.2026;offen\n'))).rejects.toMatchObject({ problem: { status: 422 } });
    await expect(readImportFile(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toMatchObject({ problem: { status: 422, detail: expect.stringContaining('Excel') } });
  });
});
