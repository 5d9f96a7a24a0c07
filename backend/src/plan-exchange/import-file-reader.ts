import { decodeUtf8Text, readCsvSheet } from './csv-sheet-reader';
import { ImportFileProblem } from './import-file-errors';
import type { ImportSheet } from './import-sheet';
import { readXlsxSheet } from './xlsx-sheet-reader';

/** Every .xlsx file is a ZIP archive and starts with its local file header. */
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Compound file header of the old binary .xls format. */
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** Decides by the content, never by the file name: a renamed file is what its bytes are. */
export async function readImportFile(content: Buffer): Promise<ImportSheet> {
  if (content.length === 0) throw ImportFileProblem.unreadable('Die Datei ist leer.');
  if (content.subarray(0, 4).equals(ZIP_SIGNATURE)) return readXlsxSheet(content);
  if (content.subarray(0, 4).equals(OLE_SIGNATURE)) {
    throw ImportFileProblem.unsupported('Das alte Excel-Format (.xls) wird nicht unterstützt. Bitte in Excel als „Excel-Arbeitsmappe (.xlsx)“ oder „CSV UTF-8“ speichern.');
  }
  const text = decodeUtf8Text(content);
  if (text === null) {
    throw ImportFileProblem.unsupported(
      'Die Datei ist weder eine Excel-Arbeitsmappe (.xlsx) noch eine CSV-Datei in UTF-8. Bitte in Excel „CSV UTF-8 (durch Trennzeichen getrennt)“ wählen.',
    );
  }
  return readCsvSheet(text);
}
