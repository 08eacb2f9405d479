/**
 * Our own checks of the IIIF Presentation 3.0 rules that matter for what Vitrine writes, from the
 * specification (https://iiif.io/api/presentation/3.0/) and the rules of the official validator's
 * JSON schema (IIIF/presentation-validator, schema/iiif_3_0.json — read, not copied: it states
 * no licence). Returns a list of errors; empty means valid.
 */
type Json = Record<string, unknown>;

const HTTP_ID = /^http/;
const LANG_KEY = /^[a-zA-Z-]+$/;
const RIGHTS = [
  /^https?:\/\/creativecommons\.org\/(licenses|publicdomain)\/[^/]+\/[0-9.]+\/$/,
  /^https?:\/\/rightsstatements\.org\/vocab\/[A-Za-z-]+\/1\.0\/$/,
];

function languageMap(value: unknown, where: string, errors: string[]): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.push(`${where}: not a language map`);
    return;
  }
  const entries = Object.entries(value);
  if (!entries.length) errors.push(`${where}: empty language map`);
  for (const [key, list] of entries) {
    if (key !== 'none' && !LANG_KEY.test(key)) errors.push(`${where}: bad language key ${key}`);
    if (!Array.isArray(list) || !list.every((s) => typeof s === 'string'))
      errors.push(`${where}.${key}: values must be an array of strings`);
  }
}

function resource(value: Json, type: string, where: string, errors: string[]): void {
  if (typeof value.id !== 'string' || !HTTP_ID.test(value.id))
    errors.push(`${where}: id must be an http(s) URI`);
  if (value.type !== type) errors.push(`${where}: type must be ${type}`);
}

function positiveInt(v: unknown): boolean {
  return Number.isInteger(v) && (v as number) > 0;
}

export function checkManifest(m: Json, top = true): string[] {
  const errors: string[] = [];
  if (top && m['@context'] !== 'http://iiif.io/api/presentation/3/context.json')
    errors.push('@context must be the Presentation 3 context');
  resource(m, 'Manifest', 'manifest', errors);
  languageMap(m.label, 'manifest.label', errors);
  if (m.summary !== undefined) languageMap(m.summary, 'manifest.summary', errors);
  if (m.rights !== undefined && !RIGHTS.some((r) => r.test(String(m.rights))))
    errors.push(`manifest.rights ${String(m.rights)} is no CC or rightsstatements.org URI`);
  if (m.requiredStatement !== undefined) {
    const rs = m.requiredStatement as Json;
    languageMap(rs.label, 'requiredStatement.label', errors);
    languageMap(rs.value, 'requiredStatement.value', errors);
  }
  // seeAlso: a list of resources, each with an http(s) id and a type; label a language map.
  if (m.seeAlso !== undefined) {
    if (!Array.isArray(m.seeAlso)) errors.push('manifest.seeAlso must be an array');
    for (const [i, see] of ((m.seeAlso as Json[] | undefined) ?? []).entries()) {
      if (typeof see.id !== 'string' || !HTTP_ID.test(see.id))
        errors.push(`seeAlso[${i}]: id must be an http(s) URI`);
      if (typeof see.type !== 'string' || !see.type) errors.push(`seeAlso[${i}]: type missing`);
      if (see.label !== undefined) languageMap(see.label, `seeAlso[${i}].label`, errors);
      if (see.format !== undefined && !/^[a-z]+\/[a-z0-9.+-]+$/.test(String(see.format)))
        errors.push(`seeAlso[${i}]: format must be a media type`);
    }
  }
  const canvases = m.items as Json[] | undefined;
  if (!Array.isArray(canvases) || canvases.length === 0)
    errors.push('manifest.items must hold at least one Canvas');
  for (const [i, canvas] of (canvases ?? []).entries()) {
    const w = `canvas[${i}]`;
    resource(canvas, 'Canvas', w, errors);
    if (!positiveInt(canvas.width) || !positiveInt(canvas.height))
      errors.push(`${w}: width and height must be positive integers`);
    const pages = canvas.items as Json[] | undefined;
    if (!Array.isArray(pages) || !pages.length) errors.push(`${w}: no AnnotationPage`);
    for (const page of pages ?? []) {
      resource(page, 'AnnotationPage', `${w}.page`, errors);
      for (const anno of (page.items as Json[] | undefined) ?? []) {
        resource(anno, 'Annotation', `${w}.annotation`, errors);
        if (anno.motivation !== 'painting') errors.push(`${w}: motivation must be painting`);
        if (anno.target !== canvas.id) errors.push(`${w}: annotation target must be the canvas`);
        const body = anno.body as Json;
        resource(body, 'Image', `${w}.body`, errors);
        if (typeof body.format !== 'string') errors.push(`${w}.body: format missing`);
        for (const service of (body.service as Json[] | undefined) ?? []) {
          resource(service, 'ImageService3', `${w}.service`, errors);
          if (!['level0', 'level1', 'level2'].includes(String(service.profile)))
            errors.push(`${w}.service: profile must be level0–2`);
        }
      }
    }
  }
  return errors;
}

export function checkCollection(c: Json): string[] {
  const errors: string[] = [];
  if (c['@context'] !== 'http://iiif.io/api/presentation/3/context.json')
    errors.push('@context must be the Presentation 3 context');
  resource(c, 'Collection', 'collection', errors);
  languageMap(c.label, 'collection.label', errors);
  if (c.summary !== undefined) languageMap(c.summary, 'collection.summary', errors);
  if (!Array.isArray(c.items)) errors.push('collection.items must be an array');
  for (const [i, ref] of ((c.items as Json[] | undefined) ?? []).entries()) {
    if (ref.type !== 'Manifest' && ref.type !== 'Collection')
      errors.push(`collection.items[${i}]: type must be Manifest or Collection`);
    if (typeof ref.id !== 'string' || !HTTP_ID.test(ref.id))
      errors.push(`collection.items[${i}]: id must be an http(s) URI`);
    languageMap(ref.label, `collection.items[${i}].label`, errors);
  }
  return errors;
}
