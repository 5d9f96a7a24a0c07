import type { PosterView } from '@amtsplan/contracts';
import PDFDocument from 'pdfkit';
import { pdfLabel, pdfText } from '../approvals/pdf-text';

/** A1 portrait: 594 × 841 mm in PDF points (1 mm = 72 / 25.4 pt). */
export const A1_POINTS = { width: (594 * 72) / 25.4, height: (841 * 72) / 25.4 } as const;

const MARGIN = 85;
const GAP = 34;
const ACCENT = '#00695c';
const GREY = '#444444';

type Doc = PDFKit.PDFDocument;

/**
 * The Konzept-Plakat as one A1 page to print and hang up: title and authority at the top, the
 * leadership's signature under the Kick-off-Manifest, then the ten sections in two columns, each
 * with the participant's answers and the facts from Amtsplan. Standard fonts only (decision 0013);
 * text that does not fit its box ends with an ellipsis rather than running into the next one.
 */
export interface PosterPdfOptions {
  readonly compress?: boolean;
  /** The uploaded images by exercise, as PNG or JPEG (`posterImage`); an image missing here is named by its alt text only. */
  readonly images?: ReadonlyMap<string, Buffer>;
}

export function renderPosterPdf(poster: PosterView, options: PosterPdfOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [A1_POINTS.width, A1_POINTS.height],
    margin: MARGIN,
    compress: options.compress ?? true,
    info: { Title: pdfLabel(`Konzept-Plakat: ${poster.organizationName}`), Author: pdfLabel(poster.organizationName), Creator: 'Amtsplan' },
  });
  const done = collect(doc);
  const width = A1_POINTS.width - 2 * MARGIN;

  doc.fillColor(ACCENT).font('Helvetica-Bold').fontSize(64).text('Social-Media-Konzept', MARGIN, MARGIN, { width });
  doc.fillColor('#000000').font('Helvetica').fontSize(36).text(pdfLabel(poster.organizationName), { width });
  doc.fillColor(GREY).fontSize(22).text(pdfLabel(`Konzept-Plakat aus dem ${poster.runName} · ${poster.filledCount} von ${poster.sections.length} Abschnitten ausgefüllt`), { width });
  doc.moveDown(0.6);
  doc.fillColor('#000000').font('Helvetica-Bold').fontSize(22).text('Kick-off-Manifest', { width });
  doc.font('Helvetica').fontSize(20).text(pdfLabel(signatureLine(poster)), { width });

  const top = doc.y + GAP;
  const columns = 2;
  const rows = Math.ceil(poster.sections.length / columns);
  const cellWidth = (width - GAP * (columns - 1)) / columns;
  const cellHeight = (A1_POINTS.height - MARGIN - top - GAP * (rows - 1)) / rows;
  poster.sections.forEach((section, index) => {
    const x = MARGIN + (index % columns) * (cellWidth + GAP);
    const y = top + Math.floor(index / columns) * (cellHeight + GAP);
    writeSection(doc, section, x, y, cellWidth, cellHeight, options.images ?? new Map());
  });
  doc.end();
  return done;
}

function writeSection(doc: Doc, section: PosterView['sections'][number], x: number, y: number, width: number, height: number, files: ReadonlyMap<string, Buffer>): void {
  const pad = 24;
  const pictures = section.images.flatMap((image) => {
    const file = files.get(image.exerciseId);
    return file ? [file] : [];
  });
  // Images take the lower part of the box, side by side; the text above names each by its alt text.
  const pictureHeight = pictures.length ? Math.round(height * 0.42) : 0;
  doc.lineWidth(3).strokeColor(section.filled ? ACCENT : '#bbbbbb').roundedRect(x, y, width, height, 12).stroke();
  doc.fillColor(ACCENT).font('Helvetica-Bold').fontSize(30).text(pdfLabel(section.title), x + pad, y + pad, { width: width - 2 * pad });
  const bodyTop = doc.y + 10;
  const body = [
    ...section.answers.map((a) => pdfText(a.text)),
    // The PDF names the image by its alt text; the poster page in the browser shows it.
    ...section.images.map((i) => pdfText(`Grafik „${i.title}“: ${i.altText}`)),
    ...(section.facts.length ? ['', ...section.facts.map((f) => `• ${pdfLabel(f)}`)] : []),
  ];
  const text = body.length ? body.join('\n\n').replace(/\n\n\n\n/g, '\n\n') : 'Noch offen: Die Reflexionen des Lernprogramms füllen diesen Abschnitt.';
  const textBottom = y + height - pad - (pictureHeight ? pictureHeight + pad : 0);
  doc.fillColor(body.length ? '#000000' : GREY).font('Helvetica').fontSize(18).text(text, x + pad, bodyTop, { width: width - 2 * pad, height: Math.max(0, textBottom - bodyTop), ellipsis: true });
  const slot = (width - 2 * pad - pad * (pictures.length - 1)) / Math.max(1, pictures.length);
  pictures.forEach((picture, index) => {
    doc.image(picture, x + pad + index * (slot + pad), y + height - pad - pictureHeight, { fit: [slot, pictureHeight], align: 'center', valign: 'center' });
  });
}

export function signatureLine(poster: PosterView): string {
  const signature = poster.manifest;
  if (!signature) return 'Noch nicht von der Leitung unterzeichnet.';
  const at = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(new Date(signature.signedAt));
  return `Unterzeichnet von ${signature.name}, ${signature.function}, am ${at} Uhr`;
}

export function collect(doc: Doc): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
