import type { PosterView } from '@amtsplan/contracts';
import { POSTER_SECTIONS, POSTER_SECTION_TITLES_DE } from '@amtsplan/domain';
import sharp from 'sharp';
import { posterImage } from './poster-images';
import { A1_POINTS, renderPosterPdf } from './poster-pdf';
import { renderPosterSlidesPdf, SLIDE_POINTS } from './poster-slides-pdf';

function mediaBoxes(pdf: Buffer): number[][] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*([\d.\s-]+)\]/g)].map((m) => m[1]!.trim().split(/\s+/).map(Number));
}

const long = 'Wir informieren verlässlich und freundlich über Bürgerservice, Baustellen und Veranstaltungen. '.repeat(60);

function poster(filled: number): PosterView {
  return {
    organizationName: 'Stadt Musterstadt',
    cohortId: 'c-1',
    runName: 'Lernprogramm Social Media 2026',
    filledCount: filled,
    manifest: { name: 'Dr. Lena Leitung', function: 'Bürgermeisterin', signedAt: '2026-12-07T09:30:00Z' },
    sections: POSTER_SECTIONS.map((section, index) => ({
      section,
      title: POSTER_SECTION_TITLES_DE[section],
      answers: index < filled ? [{ exerciseId: `w0${index}-x`, question: 'Frage?', text: index === 0 ? long : 'Drei Themen → dreimal pro Woche 😀' }] : [],
      facts: index === 4 ? ['Freigaberoute: Redaktion → Leitung (2 Stufen)'] : [],
      images: index === 3 ? [{ exerciseId: 'w06-vorlage-gestalten', title: 'Eine Grafikvorlage gestalten', altText: 'Serienkachel in Stadtblau', version: 1 }] : [],
      filled: index < filled,
    })),
  };
}

describe('Konzept-Plakat PDFs', () => {
  it('is one A1 portrait page (594 × 841 mm), however long an answer is', async () => {
    const pdf = await renderPosterPdf(poster(4), { compress: false });
    const boxes = mediaBoxes(pdf);
    expect(boxes).toHaveLength(1);
    expect(boxes[0]![2]).toBeCloseTo(1683.78, 1);
    expect(boxes[0]![3]).toBeCloseTo(2383.94, 1);
    expect(A1_POINTS.width).toBeCloseTo(1683.78, 1);
  });

  it('prints an uploaded graphic in its section, converted from WebP; without the file only its alt text stands', async () => {
    const webp = await sharp({ create: { width: 640, height: 360, channels: 3, background: '#1d4f91' } }).webp().toBuffer();
    const png = await posterImage(webp);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect((await sharp(png).metadata()).width).toBe(640);

    const images = (pdf: Buffer) => pdf.toString('latin1').match(/\/Subtype\s*\/Image/g)?.length ?? 0;
    const withImage = await renderPosterPdf(poster(4), { compress: false, images: new Map([['w06-vorlage-gestalten', png]]) });
    expect(images(withImage)).toBe(1);
    expect(mediaBoxes(withImage)).toHaveLength(1);
    expect(images(await renderPosterPdf(poster(4), { compress: false }))).toBe(0);
  });

  it('is a landscape deck: title, one slide per filled section, next steps', async () => {
    const pdf = await renderPosterSlidesPdf(poster(3), { compress: false });
    const boxes = mediaBoxes(pdf);
    expect(boxes).toHaveLength(1 + 3 + 1);
    for (const box of boxes) expect([box[2], box[3]]).toEqual([SLIDE_POINTS.width, SLIDE_POINTS.height]);
  });
});
