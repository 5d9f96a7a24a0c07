import type { PosterView } from '@amtsplan/contracts';
import PDFDocument from 'pdfkit';
import { pdfLabel, pdfText } from '../approvals/pdf-text';
import { collect, signatureLine } from './poster-pdf';

/** 16:9 slides, 254 × 142.9 mm (the size presentation programs use), in points. */
export const SLIDE_POINTS = { width: 720, height: 405 } as const;

const MARGIN = 40;
const ACCENT = '#00695c';

/**
 * The concept as a short slide deck for the presentation to leadership: a title slide, one slide
 * per filled section (answers first, facts below), and a closing slide with what is still open and
 * the manifest's signature. Landscape, standard fonts, overflow ends with an ellipsis.
 */
export function renderPosterSlidesPdf(poster: PosterView, options: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [SLIDE_POINTS.width, SLIDE_POINTS.height],
    margin: MARGIN,
    autoFirstPage: false,
    compress: options.compress ?? true,
    info: { Title: pdfLabel(`Social-Media-Konzept: ${poster.organizationName}`), Author: pdfLabel(poster.organizationName), Creator: 'Amtsplan' },
  });
  const done = collect(doc);
  const width = SLIDE_POINTS.width - 2 * MARGIN;

  doc.addPage();
  doc.rect(0, 0, SLIDE_POINTS.width, SLIDE_POINTS.height).fill(ACCENT);
  doc.fillColor('#ffffff').font('Helvetica-Bold').fontSize(34).text('Unser Social-Media-Konzept', MARGIN, 130, { width });
  doc.font('Helvetica').fontSize(20).text(pdfLabel(poster.organizationName), { width });
  doc.fontSize(13).text(pdfLabel(`Ergebnis aus dem ${poster.runName}`), { width });

  for (const section of poster.sections.filter((s) => s.filled)) {
    doc.addPage();
    doc.fillColor(ACCENT).font('Helvetica-Bold').fontSize(24).text(pdfLabel(section.title), MARGIN, MARGIN, { width });
    doc.moveDown(0.4);
    const answers = [...section.answers.map((a) => pdfText(a.text)), ...section.images.map((i) => pdfText(`Grafik „${i.title}“: ${i.altText}`))].join('\n\n');
    const facts = section.facts.map((f) => `• ${pdfLabel(f)}`).join('\n');
    const text = facts ? `${answers}\n\n${facts}` : answers;
    doc.fillColor('#000000').font('Helvetica').fontSize(14).text(text, { width, height: SLIDE_POINTS.height - MARGIN - doc.y, ellipsis: true });
  }

  doc.addPage();
  doc.fillColor(ACCENT).font('Helvetica-Bold').fontSize(24).text('Nächste Schritte', MARGIN, MARGIN, { width });
  doc.moveDown(0.4);
  const open = poster.sections.filter((s) => !s.filled).map((s) => `• ${pdfLabel(s.title)}`);
  doc.fillColor('#000000').font('Helvetica').fontSize(14);
  doc.text(open.length ? `Noch auszuarbeiten:\n${open.join('\n')}` : 'Alle zehn Abschnitte des Konzepts sind ausgefüllt.', { width });
  doc.moveDown(1);
  doc.font('Helvetica-Bold').text('Kick-off-Manifest', { width });
  doc.font('Helvetica').text(pdfLabel(signatureLine(poster)), { width });
  doc.end();
  return done;
}
