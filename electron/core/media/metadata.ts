import exifr from 'exifr';
import { parseEdtf } from '../../../shared/domain';

/**
 * Values read from the file to pre-fill a new item. Plain strings, not per language: the
 * caller decides which language they belong to (usually the library's default).
 */
export interface ImportMetadata {
  title?: string;
  /** EDTF (`1974-05-12`, `1979-06`, `1974`). */
  date?: string;
  creator?: string;
  copyright?: string;
  description?: string;
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Text cameras and scanners put in ImageDescription when nobody typed anything. */
const BOILERPLATE = new Set([
  'olympus digital camera',
  'sony dsc',
  'default',
  'untitled',
  'image',
  'picture',
  'exif_jpeg_picture',
  'digital camera',
  'minolta digital camera',
  'kodak digital still camera',
]);

function clean(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.replace(CONTROL, '').replace(/\0+$/, '').trim();
  if (!text || /^[?\s]+$/.test(text) || BOILERPLATE.has(text.toLowerCase())) return undefined;
  return text.length > max ? text.slice(0, max) : text;
}

/** XMP lang-alt values come as `{ lang, value }` or arrays of them; prefer x-default, de, en. */
function langAlt(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const list = (Array.isArray(value) ? value : [value]).filter(
    (v): v is { lang?: string; value: unknown } =>
      typeof v === 'object' && v !== null && 'value' in v,
  );
  for (const lang of ['x-default', 'de', 'en']) {
    const hit = list.find((v) => v.lang === lang);
    if (hit && typeof hit.value === 'string') return hit.value;
  }
  const first = list[0]?.value;
  if (typeof first === 'string') return first;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join('; ');
  return undefined;
}

/** Windows XP* tags are UCS-2 little-endian bytes. */
function xpString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value instanceof Uint8Array)
    return Buffer.from(value).toString('utf16le').replace(/\0+$/, '');
  if (Array.isArray(value) && value.every((n) => typeof n === 'number')) {
    return Buffer.from(value as number[])
      .toString('utf16le')
      .replace(/\0+$/, '');
  }
  return undefined;
}

function list(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    const parts = value.map((v) => clean(v, 500)).filter((v): v is string => v !== undefined);
    return parts.length ? parts.join('; ') : undefined;
  }
  return typeof value === 'string' ? value : undefined;
}

/**
 * EXIF `1974:05:12 10:00:00`, XMP `1979-06` / `1979-06-12T10:00:00+02:00`, IPTC `19740512`
 * → EDTF at the precision the file gives. Zero months/days ("1974:00:00", common in scans of
 * undated material) lower the precision instead of inventing 1 January.
 */
export function toEdtf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d{4})(?:[:-]?(\d{2})(?:[:-]?(\d{2}))?)?(?![0-9])/.exec(value);
  if (!m) return undefined;
  const [, year, month, day] = m;
  if (year === '0000') return undefined;
  let edtf = year!;
  if (month && month !== '00') {
    edtf += `-${month}`;
    if (day && day !== '00') edtf += `-${day}`;
  }
  return parseEdtf(edtf) ? edtf : undefined;
}

type Block = Record<string, unknown>;

function block(data: Block, key: string): Block {
  const value = data[key];
  return typeof value === 'object' && value !== null ? (value as Block) : {};
}

/** Maps EXIF, IPTC and XMP to item fields, preferring what a curator typed over camera data. */
export function mapMetadata(data: Block): ImportMetadata {
  const ifd0 = block(data, 'ifd0');
  const exif = block(data, 'exif');
  const iptc = block(data, 'iptc');
  const dc = block(data, 'dc');
  const photoshop = block(data, 'photoshop');
  const xmpBasic = block(data, 'xmp');

  const imageDescription = clean(ifd0.ImageDescription, 2000);
  const explicitTitle =
    clean(langAlt(dc.title), 500) ??
    clean(iptc.ObjectName, 500) ??
    clean(iptc.Headline, 500) ??
    clean(xpString(ifd0.XPTitle), 500);
  // Windows shows ImageDescription as "Title", and many archives fill it that way.
  const title = explicitTitle ?? (imageDescription ? clean(imageDescription, 500) : undefined);
  const description =
    clean(langAlt(dc.description), 20_000) ??
    clean(list(iptc.Caption), 20_000) ??
    (explicitTitle ? imageDescription : undefined) ??
    clean(xpString(ifd0.XPComment), 20_000);
  const creator =
    clean(list(dc.creator), 500) ??
    clean(list(iptc.Byline), 500) ??
    clean(ifd0.Artist, 500) ??
    clean(xpString(ifd0.XPAuthor), 500);
  const copyright =
    clean(langAlt(dc.rights), 1000) ??
    clean(iptc.CopyrightNotice, 1000) ??
    clean(ifd0.Copyright, 1000);
  const date =
    toEdtf(photoshop.DateCreated) ??
    toEdtf(iptc.DateCreated) ??
    toEdtf(exif.DateTimeOriginal) ??
    toEdtf(xmpBasic.CreateDate) ??
    toEdtf(exif.CreateDate);

  const out: ImportMetadata = {};
  if (title) out.title = title;
  if (date) out.date = date;
  if (creator) out.creator = creator;
  if (copyright) out.copyright = copyright;
  if (description && description !== title) out.description = description;
  return out;
}

/** Never throws: metadata is a convenience, a file without (or with broken) metadata is fine. */
export async function readImageMetadata(file: string): Promise<ImportMetadata> {
  try {
    const data: unknown = await exifr.parse(file, {
      tiff: true,
      ifd0: {},
      exif: true,
      gps: false,
      interop: false,
      ifd1: false,
      xmp: true,
      iptc: true,
      icc: false,
      jfif: false,
      ihdr: false,
      makerNote: false,
      userComment: false,
      mergeOutput: false,
      // Raw strings: revived EXIF dates become Date objects in the local time zone.
      reviveValues: false,
      translateValues: false,
    });
    return typeof data === 'object' && data !== null ? mapMetadata(data as Block) : {};
  } catch {
    return {};
  }
}
