import PDFDocument from 'pdfkit';
import { germanDateTime } from '../approvals/approval-time';
import { pdfLabel, pdfText } from '../approvals/pdf-text';

const MARGIN = 56;
const BODY = 10;
const SMALL = 8.5;
const GREY = '#555555';

export interface EvidenceReport {
  readonly organizationName: string;
  readonly itemId: string;
  readonly channelName: string | null;
  readonly category: string;
  readonly text: string;
  readonly authorHandle: string;
  readonly authorDisplayName: string | null;
  readonly authorProfileUrl: string | null;
  readonly permalink: string | null;
  readonly occurredAt: Date;
  readonly timeZone: string;
  readonly context: string;
  readonly knowledgeDate: string;
  readonly strafantragDeadline: string;
  readonly contentSha256: string;
  readonly screenshot: { readonly bytes: Buffer; readonly sha256: string } | null;
  readonly securedBy: string;
  readonly securedAt: Date;
  readonly generatedBy: string;
  readonly generatedAt: Date;
}

function germanDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}.${month}.${year}`;
}

/**
 * The evidence report (Beweissicherung) for a criminal complaint, A4 with the standard fonts
 * like the Freigabeprotokoll (decision 0013). Times are absolute: local time with the zone
 * and UTC, so the report reads the same wherever it is filed.
 */
export function renderEvidenceReportPdf(report: EvidenceReport, options: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    compress: options.compress ?? true,
    info: { Title: 'Beweissicherung', Author: pdfLabel(report.organizationName), Creator: 'Amtsplan' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const field = (label: string, value: string) => {
    doc.font('Helvetica-Bold').fontSize(BODY).text(`${label}: `, { continued: true });
    doc.font('Helvetica').text(pdfText(value));
  };
  const absolute = (date: Date) => `${germanDateTime(date, report.timeZone)} (${report.timeZone}); ${date.toISOString()} UTC`;

  doc.font('Helvetica-Bold').fontSize(16).text('Beweissicherung: Hasskommentar');
  doc.moveDown(0.3);
  field('Behörde', report.organizationName);
  field('Kennung des Eintrags', report.itemId);
  field('Kanal', report.channelName ?? 'ohne Kanal erfasst');
  field('Kategorie', report.category);
  doc.moveDown(0.6);
  doc.font('Helvetica-Bold').fontSize(12).text('Frist für den Strafantrag (§ 77b StGB)');
  field('Kenntnis von Tat und Person am', germanDate(report.knowledgeDate));
  field('Strafantrag spätestens bis', `${germanDate(report.strafantragDeadline)} (drei Monate ab Kenntnis)`);

  doc.moveDown(0.6);
  doc.font('Helvetica-Bold').fontSize(12).text('Gesicherter Inhalt');
  field('Verfasst von', report.authorDisplayName ? `${report.authorDisplayName} (${report.authorHandle})` : report.authorHandle);
  field('Profil', report.authorProfileUrl ?? '(nicht bekannt)');
  field('Link zum Beitrag', report.permalink ?? '(nicht bekannt)');
  field('Zeitpunkt', absolute(report.occurredAt));
  doc.moveDown(0.3);
  doc.font('Helvetica-Bold').fontSize(BODY).text('Wortlaut:');
  doc.font('Courier').fontSize(BODY).text(pdfText(report.text), { indent: 12 });
  if (report.context) {
    doc.moveDown(0.3);
    doc.font('Helvetica-Bold').fontSize(BODY).text('Zusammenhang:');
    doc.font('Helvetica').fontSize(BODY).text(pdfText(report.context), { indent: 12 });
  }
  doc.moveDown(0.3);
  doc.font('Helvetica').fontSize(SMALL).fillColor(GREY).text('Prüfsumme des gesicherten Inhalts (SHA-256):').fillColor('black');
  doc.font('Courier').fontSize(SMALL).text(report.contentSha256);

  doc.moveDown(0.6);
  field('Gesichert', `${absolute(report.securedAt)} von ${report.securedBy}`);
  field('Bericht erstellt', `${absolute(report.generatedAt)} von ${report.generatedBy}`);
  doc.font('Helvetica').fontSize(SMALL).fillColor(GREY).text('Die gesicherten Angaben sind in Amtsplan gegen Änderungen gesperrt.').fillColor('black');

  if (report.screenshot) {
    doc.addPage();
    doc.font('Helvetica-Bold').fontSize(12).text('Bildschirmfoto');
    doc.font('Courier').fontSize(SMALL).text(`SHA-256 ${report.screenshot.sha256}`);
    doc.moveDown(0.5);
    try {
      doc.image(report.screenshot.bytes, { fit: [doc.page.width - 2 * MARGIN, doc.page.height - 2 * MARGIN - 60] });
    } catch {
      // pdfkit embeds JPEG and PNG only; other formats are named by their checksum above.
      doc.font('Helvetica').fontSize(BODY).text('Das Bild liegt in einem Format vor, das hier nicht eingebettet werden kann; es ist in Amtsplan gespeichert.');
    }
  }
  doc.end();
  return done;
}
