import PDFDocument from 'pdfkit';
import { germanDateTime } from '../approvals/approval-time';
import { pdfLabel } from '../approvals/pdf-text';

export interface IncidentReport {
  readonly organizationName: string;
  readonly timeZone: string;
  readonly title: string;
  readonly drill: boolean;
  readonly status: string;
  readonly level: string;
  readonly reason: string;
  readonly playbook: string;
  readonly owner: string;
  readonly declaredAt: Date;
  readonly endedAt: Date | null;
  readonly generatedAt: Date;
  readonly generatedBy: string;
  readonly timeline: ReadonlyArray<{ readonly at: Date; readonly text: string; readonly by: string | null }>;
  readonly decisions: readonly string[];
  readonly statements: readonly string[];
  readonly checklist: readonly string[];
  readonly review: { readonly whatHappened: string; readonly whatWorked: string; readonly whatToChange: string; readonly followUps: readonly string[] } | null;
}

const MARGIN = 56;
const BODY = 10;
const SMALL = 8.5;
type Doc = PDFKit.PDFDocument;

/** The incident report (Krisenbericht) for the records: timeline, decisions, statements, review. Standard fonts, like the Freigabeprotokoll. */
export function renderIncidentReportPdf(report: IncidentReport, options: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    compress: options.compress ?? true,
    info: { Title: pdfLabel(`Krisenbericht: ${report.title}`), Author: pdfLabel(report.organizationName), Creator: 'Amtsplan' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const at = (date: Date) => germanDateTime(date, report.timeZone);

  doc.font('Helvetica-Bold').fontSize(16).text(report.drill ? 'Übungsbericht (Krisenübung)' : 'Krisenbericht');
  doc.moveDown(0.3);
  field(doc, 'Behörde', report.organizationName);
  field(doc, 'Krisenfall', report.title);
  field(doc, 'Status', report.status);
  field(doc, 'Stufe', report.level);
  field(doc, 'Anlass', report.reason);
  field(doc, 'Playbook', report.playbook);
  field(doc, 'Verantwortlich', report.owner);
  field(doc, 'Ausgerufen', at(report.declaredAt));
  field(doc, 'Beendet', report.endedAt ? at(report.endedAt) : 'noch offen');
  field(doc, 'Erstellt', `${at(report.generatedAt)} von ${report.generatedBy}`);

  heading(doc, 'Zeitleiste');
  if (!report.timeline.length) small(doc, 'Keine Einträge.');
  for (const entry of report.timeline) {
    doc.font('Helvetica-Bold').fontSize(BODY).text(pdfLabel(`${at(entry.at)}${entry.by ? ` – ${entry.by}` : ' – automatisch'}`));
    doc.font('Helvetica').fontSize(BODY).text(pdfLabel(entry.text), { indent: 12 });
  }
  list(doc, 'Entscheidungen', report.decisions);
  list(doc, 'Verwendete Haltungsstatements', report.statements);
  list(doc, 'Erledigte Checklistenschritte', report.checklist);

  heading(doc, 'Nachbereitung (Review)');
  if (!report.review) small(doc, 'Noch nicht abgeschlossen.');
  else {
    field(doc, 'Was ist passiert', report.review.whatHappened);
    field(doc, 'Was hat funktioniert', report.review.whatWorked || '–');
    field(doc, 'Was ändern wir', report.review.whatToChange || '–');
    list(doc, 'Folgeaufgaben', report.review.followUps);
  }
  doc.end();
  return done;
}

function list(doc: Doc, title: string, items: readonly string[]): void {
  heading(doc, title);
  if (!items.length) small(doc, 'Keine.');
  for (const item of items) doc.font('Helvetica').fontSize(BODY).text(pdfLabel(`– ${item}`), { indent: 8 });
}

function field(doc: Doc, label: string, value: string): void {
  doc.font('Helvetica-Bold').fontSize(BODY).text(pdfLabel(`${label}: `), { continued: true });
  doc.font('Helvetica').text(pdfLabel(value));
}

function heading(doc: Doc, text: string): void {
  doc.moveDown(0.6);
  doc.font('Helvetica-Bold').fontSize(12).text(pdfLabel(text));
  doc.moveDown(0.15);
}

function small(doc: Doc, text: string): void {
  doc.font('Helvetica').fontSize(SMALL).fillColor('#555555').text(pdfLabel(text), { indent: 12 }).fillColor('black');
}
