import sharp from 'sharp';

/** Longest side of an image in the poster PDF: sharp enough for A1 at its box size, small enough to mail. */
const LONGEST_SIDE = 1600;

/**
 * An uploaded exercise image as the PDF library takes it: PDFKit reads JPEG and PNG only, uploads
 * may also be WebP or GIF (first frame). PNG keeps a Canva graphic's text crisp; the size is capped.
 */
export async function posterImage(bytes: Buffer): Promise<Buffer> {
  return sharp(bytes, { animated: false }).rotate().resize({ width: LONGEST_SIDE, height: LONGEST_SIDE, fit: 'inside', withoutEnlargement: true }).png().toBuffer();
}
