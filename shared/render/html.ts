/**
 * The one escaping function of the renderer. Every piece of user text reaches markup through
 * `escapeHtml` — directly or via the `markup` template tag, which escapes every interpolated
 * string — so nothing a curator types (or an imported file contains) can become markup.
 * Attributes are always written in double quotes, so the same function is safe there too.
 */
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

// Control characters and lone surrogates are not allowed in HTML documents (the Nu checker
// rejects them); they carry no meaning for visitors, so they are dropped or replaced.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeHtml(value: string): string {
  return value
    .replace(FORBIDDEN, '')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Markup that is already safe: produced by `markup` or by trusted code in this package. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Interpolation =
  string | number | Html | null | undefined | false | readonly Interpolation[];

function flatten(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return escapeHtml(value);
  return value.map(flatten).join('');
}

/**
 * Template tag: literal parts are markup, every interpolated string is escaped. (Not named
 * `html`, so Prettier does not reformat the markup inside and change the output.)
 */
export function markup(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += flatten(values[i]!) + (strings[i + 1] ?? '');
  return new Html(out);
}

/** Trusted markup made by our own code (SVG geometry, QR codes); never user text. */
export function trusted(markup: string): Html {
  return new Html(markup);
}

export function join(parts: readonly Interpolation[], separator = ''): Html {
  return new Html(
    parts
      .map(flatten)
      .filter((s) => s !== '')
      .join(separator),
  );
}

/**
 * Unicode bidi controls (U+202A–U+202E, U+2066–U+2069) in user text could reorder the text
 * around them; wrapping such text in <bdi> keeps their effect inside the user's own string.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
export function userText(value: string): Html {
  return BIDI_CONTROLS.test(value) ? markup`<bdi>${value}</bdi>` : markup`${value}`;
}
