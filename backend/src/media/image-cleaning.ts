import { IMAGE_MAX_MEGAPIXELS, ImageContentType } from '@amtsplan/contracts';
import sharp, { Metadata, Sharp } from 'sharp';
import { EXTENSION_OF } from './post-media-view';
import { UploadProblems } from './upload-problems';

/** An uploaded image after decoding and re-encoding: only pixels (and animation timing) survive. */
export interface CleanImage {
  readonly bytes: Buffer;
  readonly contentType: ImageContentType;
  readonly extension: (typeof EXTENSION_OF)[ImageContentType];
  readonly width: number;
  /** Of one frame, for animations. */
  readonly height: number;
}

const MAX_PIXELS = IMAGE_MAX_MEGAPIXELS * 1_000_000;
/** A 40-megapixel JPEG is re-encoded in about a second; thirty seconds means something is wrong. */
const PROCESSING_TIMEOUT_SECONDS = 30;

type AcceptedFormat = 'jpeg' | 'png' | 'webp' | 'gif';

const CONTENT_TYPE_OF: Record<AcceptedFormat, ImageContentType> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
};

function isAccepted(format: string | undefined): format is AcceptedFormat {
  return format !== undefined && Object.hasOwn(CONTENT_TYPE_OF, format);
}

/**
 * Decides the format by decoding the content (never by name or declared type), refuses
 * anything but JPEG, PNG, WebP and GIF, and re-encodes in the same format. Re-encoding drops
 * EXIF (including GPS positions), XMP, IPTC, comments and anything appended to the file; the
 * full decode also refuses truncated or corrupt files.
 */
export async function cleanImage(input: Buffer): Promise<CleanImage> {
  const metadata = await readMetadata(input);
  // SVG, PDF, HEIF, TIFF and the rest stop here, before any pixel is decoded.
  if (!isAccepted(metadata.format)) throw UploadProblems.unsupportedFormat();
  const frames = metadata.pages ?? 1;
  if (metadata.width * metadata.height * frames > MAX_PIXELS) throw UploadProblems.tooManyPixels();

  const animated = frames > 1;
  const source = sharp(input, {
    animated,
    // The declared size was checked above; the decoder enforces it again on what it really reads.
    limitInputPixels: MAX_PIXELS,
    failOn: 'warning',
    // Rotation is applied to the pixels, since the orientation tag goes with the rest of EXIF.
    autoOrient: !animated,
  }).timeout({ seconds: PROCESSING_TIMEOUT_SECONDS });

  try {
    const { data, info } = await encode(source, metadata.format, metadata).toBuffer({ resolveWithObject: true });
    const contentType = CONTENT_TYPE_OF[metadata.format];
    return { bytes: data, contentType, extension: EXTENSION_OF[contentType], width: info.width, height: info.pageHeight ?? info.height };
  } catch {
    throw UploadProblems.unreadableImage();
  }
}

async function readMetadata(input: Buffer): Promise<Metadata> {
  try {
    return await sharp(input, { limitInputPixels: false }).metadata();
  } catch {
    throw UploadProblems.unsupportedFormat();
  }
}

/** Same format out as in; sharp writes no metadata unless asked to. */
function encode(image: Sharp, format: AcceptedFormat, metadata: Metadata): Sharp {
  switch (format) {
    case 'jpeg':
      return image.jpeg({ quality: 90 });
    case 'png':
      // Palette images stay palette images; otherwise a logo would grow to truecolour size.
      return image.png({ compressionLevel: 9, palette: metadata.isPalette });
    case 'webp':
      return image.webp({ quality: 90 });
    case 'gif':
      return image.gif();
  }
}
