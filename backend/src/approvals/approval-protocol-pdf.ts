import PDFDocument from 'pdfkit';
import type { ApprovalProtocol, ProtocolRequest } from './approval-protocol';
import { germanDateTime } from './approval-time';
import { pdfLabel, pdfText } from './pdf-text';

const MARGIN = 56;
const BODY = 10;
const SMALL = 8.5;
const GREY = '#555555';

type Doc = PDFKit.PDFDocument;

/**
 * Writes the Freigabeprotokoll as an A4 PDF with the standard fonts Helvetica and Courier
 * (nothing to embed, nothing to find at runtime; see decision 0013 for what they cannot show).
 * `compress: false` leaves the content streams readable, for tests.
 */
export function renderApprovalProtocolPdf(protocol: ApprovalProtocol, options: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN + 14, left: MARGIN, right: MARGIN },
    bufferPages: true,
    compress: options.compress ?? true,
    info: { Title: pdfLabel(`Freigabeprotokoll: ${protocol.workingTitle}`), Author: pdfLabel(protocol.organizationName), Creator: 'Amtsplan' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const at = (date: Date) => germanDateTime(date, protocol.timeZone);
  doc.font('Helvetica-Bold').fontSize(16).text('Freigabeprotokoll (Aktenvermerk)');
  doc.moveDown(0.3);
  field(doc, 'Behörde', protocol.organizationName);
  field(doc, 'Beitrag', protocol.workingTitle);
  field(doc, 'Kennung des Beitrags', protocol.postId);
  field(doc, 'Erstellt', `${at(protocol.generatedAt)} von ${protocol.generatedBy}`);
  field(doc, 'Zeitangaben', `Ortszeit ${protocol.timeZone}`);
  field(doc, 'Freigabeanfragen', protocol.requests.length === 1 ? 'eine' : `${protocol.requests.length}, die neueste zuerst`);

  protocol.requests.forEach((request, index) => writeRequest(doc, request, protocol.requests.length - index, at));
  writeFooters(doc, protocol);
  doc.end();
  return done;
}

function writeRequest(doc: Doc, request: ProtocolRequest, number: number, at: (date: Date) => string): void {
  doc.moveDown(1);
  rule(doc);
  heading(doc, `Freigabeanfrage ${number}: ${request.status}`, 13);
  field(doc, 'Eingereicht', `${at(request.submittedAt)} von ${request.submittedBy}`);
  field(doc, 'Verfasst von', request.author);
  if (request.closedAt) field(doc, 'Abgeschlossen', at(request.closedAt));
  field(doc, 'Freigaberoute', request.routeName);
  field(doc, 'Geplant für', request.planning);
  field(doc, 'Kennung der Anfrage', request.id);

  heading(doc, 'Inhalt, wie zur Freigabe vorgelegt', 11);
  doc.font('Helvetica').fontSize(SMALL).fillColor(GREY).text('Prüfsumme des Inhalts (SHA-256):').fillColor('black');
  doc.font('Courier').fontSize(SMALL).text(request.contentHash);
  for (const channel of request.channels) {
    doc.moveDown(0.4);
    doc.font('Helvetica-Bold').fontSize(BODY).text(pdfLabel(`Kanal ${channel.name}`));
    quote(doc, channel.text);
  }
  if (request.media.length > 0) {
    doc.moveDown(0.4);
    doc.font('Helvetica-Bold').fontSize(BODY).text('Bilder');
    request.media.forEach((image, i) => {
      doc.font('Helvetica').fontSize(BODY).text(`${i + 1}. Alternativtext: ${image.altText ? pdfText(image.altText) : '(keiner)'}`, { indent: 8 });
      doc.font('Courier').fontSize(SMALL).text(`SHA-256 ${image.contentHash}`, { indent: 20 });
    });
  }

  heading(doc, 'Schritte', 11);
  request.steps.forEach((step, i) => {
    doc.font('Helvetica-Bold').fontSize(BODY).text(`${i + 1}. ${pdfLabel(step.name)}: ${step.status}`);
    const deputy = step.deputy ? `; Vertretung: ${step.deputy}` : '';
    small(doc, `${step.mode}; Freigebende: ${step.approvers.join(', ') || '(niemand)'}${deputy}; fällig ${at(step.dueAt)}`);
  });

  heading(doc, 'Entscheidungen', 11);
  if (request.decisions.length === 0) small(doc, 'Keine.');
  for (const decision of request.decisions) {
    const marks = [decision.asDeputy ? 'als Vertretung' : '', decision.selfApproval ? 'Selbstfreigabe (Vier-Augen-Prinzip ausgesetzt)' : ''].filter(Boolean);
    doc.font('Helvetica-Bold').fontSize(BODY).text(pdfLabel(`${at(decision.at)}: ${decision.decision} (Schritt ${decision.stepName})`));
    doc.font('Helvetica').fontSize(BODY).text(pdfLabel(`von ${[decision.person, ...marks].join(' · ')}`), { indent: 12 });
    if (decision.comment) small(doc, `Kommentar: ${decision.comment}`);
  }
  if (request.voidReasons.length > 0) {
    heading(doc, 'Ungültig geworden, weil', 11);
    for (const reason of request.voidReasons) doc.font('Helvetica').fontSize(BODY).text(pdfLabel(`– ${reason}`), { indent: 8 });
  }
  if (request.attempts.length > 0) {
    heading(doc, 'Veröffentlichungsversuche', 11);
    for (const attempt of request.attempts) {
      doc.font('Helvetica').fontSize(BODY).text(pdfLabel(`${at(attempt.startedAt)}: ${attempt.channel}, Versuch ${attempt.attemptNo}: ${attempt.outcome}`));
      if (attempt.detail) small(doc, attempt.detail);
    }
  }
}

function field(doc: Doc, label: string, value: string): void {
  doc.font('Helvetica-Bold').fontSize(BODY).text(pdfLabel(`${label}: `), { continued: true });
  doc.font('Helvetica').text(pdfLabel(value));
}

function heading(doc: Doc, text: string, size: number): void {
  doc.moveDown(0.6);
  doc.font('Helvetica-Bold').fontSize(size).text(pdfLabel(text));
  doc.moveDown(0.15);
}

function small(doc: Doc, text: string): void {
  doc.font('Helvetica').fontSize(SMALL).fillColor(GREY).text(pdfLabel(text), { indent: 12 }).fillColor('black');
}

/** The approved text, indented, with a bar on its left where it stays on one page. */
function quote(doc: Doc, text: string): void {
  const x = doc.page.margins.left;
  const top = doc.y;
  const page = pageIndex(doc);
  doc.font('Helvetica').fontSize(BODY).text(pdfText(text) || '(leer)', x + 12, doc.y, { width: doc.page.width - x - doc.page.margins.right - 12 });
  if (pageIndex(doc) === page) doc.moveTo(x + 3, top).lineTo(x + 3, doc.y).lineWidth(1.5).strokeColor('#999999').stroke();
  doc.x = x;
}

function rule(doc: Doc): void {
  const y = doc.y;
  doc.moveTo(doc.page.margins.left, y).lineTo(doc.page.width - doc.page.margins.right, y).lineWidth(0.5).strokeColor('#999999').stroke();
  doc.moveDown(0.5);
}

function pageIndex(doc: Doc): number {
  const range = doc.bufferedPageRange();
  return range.start + range.count - 1;
}

/** „Freigabeprotokoll: Titel · Seite 2 von 3“ at the foot of every page, written once all pages exist. */
function writeFooters(doc: Doc, protocol: ApprovalProtocol): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Inside the bottom margin: without lifting it, pdfkit would start a new page for the footer.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(7.5)
      .fillColor(GREY)
      .text(pdfLabel(`Freigabeprotokoll: ${protocol.workingTitle} · Seite ${i - range.start + 1} von ${range.count}`), MARGIN, doc.page.height - MARGIN + 10, {
        width: doc.page.width - 2 * MARGIN,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor('black');
}
