import { textDirection } from '../domain/language';
import { formatBytes } from './assets';
import { join, markup, trusted, userText, type Html, type Interpolation } from './html';
import { createMapGeometry } from './map-geometry';
import { HOME_PLACE, type BlockView, type ItemView, type LocalText } from './model';
import {
  kiosk,
  langAttrs,
  largestJpeg,
  paragraphs,
  picture,
  text,
  url,
  type Ctx,
  type RenderOptions,
} from './page-context';
import { renderRichText } from './richtext';
import { blockAnchor } from './search';

// The blocks of a chapter page: items with captions and credits, galleries, timelines, quotes,
// comparisons and maps.

let mapGeometry: RenderOptions['mapGeometry'] | null = null;
/** The exporter's projection, for callers that bring none (tests); made once, it caches. */
function defaultMapGeometry(): NonNullable<RenderOptions['mapGeometry']> {
  return (mapGeometry ??= createMapGeometry());
}

function creditLine(ctx: Ctx, item: ItemView): Html {
  const parts: Interpolation[] = [];
  if (item.rights?.creditLine) parts.push(text(ctx, item.rights.creditLine));
  else if (item.creator) parts.push(userText(item.creator));
  if (item.rights) parts.push(markup`${item.rights.label}`);
  return parts.length ? markup`<p class="credit">${join(parts, ' · ')}</p>` : markup``;
}

/** The media part of an item: picture, player or document link. */
function media(ctx: Ctx, item: ItemView, sizes: string): Html {
  const s = ctx.s;
  if (item.image) {
    const alt = item.alt?.text ?? item.title.text;
    const pic = picture(ctx, item.image, alt, sizes);
    const big = largestJpeg(ctx, item.image);
    const linked = big
      ? markup`<a class="lightbox" href="${big}" data-lightbox="">${pic}<span class="visually-hidden"> (${s.enlarge})</span></a>`
      : pic;
    return markup`${linked}${zoomButton(ctx, item)}`;
  }
  const file = item.file;
  if (!file) return markup``;
  const src = url(ctx, { type: 'original', asset: file });
  const transcript = item.transcript
    ? markup`<details class="transcript"><summary>${s.transcript}</summary>${paragraphs(ctx, item.transcript)}</details>`
    : markup``;
  // Fallback links for browsers without <audio>/<video>; a kiosk's browser has both, and a
  // kiosk shows no text links.
  const fallback = kiosk(ctx) ? markup`` : markup`<a href="${src}">${s.download}</a>`;
  if (file.kind === 'audio')
    return markup`<audio controls preload="none" src="${src}">${fallback}</audio>${transcript}`;
  if (file.kind === 'video') {
    const dims =
      file.width && file.height ? markup` width="${file.width}" height="${file.height}"` : markup``;
    return markup`<video controls preload="metadata" src="${src}"${dims}>${fallback}</video>${transcript}`;
  }
  const type = file.ext.toUpperCase();
  return markup`<p class="document"><a${kiosk(ctx) ? markup` class="kiosk-button"` : ''} href="${src}" type="${file.mime}">${userText(item.title.text)}</a> <span class="filesize">(${type}, ${formatBytes(file.bytes, ctx.view.lang)})</span></p>`;
}

/**
 * The deep-zoom button, hidden until the runtime shows it (it does nothing without script). The
 * image service's info travels in an attribute; `data-zoom-tiles` is where its tiles are,
 * relative to the page, so the viewer never asks the published base URL while run locally.
 */
function zoomButton(ctx: Ctx, item: ItemView): Html {
  const info = ctx.view.mode === 'web' ? ctx.options.zoomInfo?.(item.id) : undefined;
  if (!info) return markup``;
  const s = ctx.s;
  return markup`<button type="button" class="zoom-button" hidden data-zoom="${JSON.stringify(info)}" data-zoom-tiles="${ctx.up}iiif/${item.id}/image" data-zoom-in="${s.zoomIn}" data-zoom-out="${s.zoomOut}">${s.zoom}</button>`;
}

export function itemFigure(
  ctx: Ctx,
  item: ItemView,
  opts: { caption?: LocalText | null; sizes: string; id?: string; label?: Html; media?: boolean },
): Html {
  const caption = opts.caption ?? null;
  const title = caption ? text(ctx, caption) : text(ctx, item.title);
  const idAttr = opts.id ? markup` id="${opts.id}"` : markup``;
  return markup`<figure class="item item-${item.kind}"${idAttr}>${opts.media === false ? '' : media(ctx, item, opts.sizes)}<figcaption>${
    opts.label ? markup`<span class="label">${opts.label}</span> ` : ''
  }<span class="item-title">${title}</span>${item.date ? markup` <span class="date">${item.date}</span>` : ''}${
    item.description && !opts.label ? paragraphs(ctx, item.description, 'description') : ''
  }${creditLine(ctx, item)}</figcaption></figure>`;
}

function qrList(ctx: Ctx, urls: string[]): Html {
  if (!urls.length) return markup``;
  return markup`<ul class="qr-codes">${urls.map(
    (u) =>
      markup`<li><figure class="qr">${ctx.options.qrSvg ? trusted(ctx.options.qrSvg(u)) : ''}<figcaption><span class="visually-hidden">${ctx.s.qrHint}: </span>${u}</figcaption></figure></li>`,
  )}</ul>`;
}

function heading(ctx: Ctx, t: LocalText | null, fallback?: string): Html {
  if (t) return markup`<h2${langAttrs(ctx, t)}>${userText(t.text)}</h2>`;
  return fallback ? markup`<h2>${fallback}</h2>` : markup``;
}

export const SIZES_WIDE = '(min-width: 62rem) 60rem, 100vw';
export const SIZES_HALF = '(min-width: 62rem) 30rem, (min-width: 40rem) 50vw, 100vw';
export const SIZES_GRID = '(min-width: 62rem) 20rem, (min-width: 40rem) 33vw, 50vw';
/** Kiosk start tiles: five across a landscape screen, two across a portrait one. */
export const SIZES_TILE = '(orientation: portrait) 50vw, 20vw';

function mapFigure(ctx: Ctx, block: Extract<BlockView, { type: 'map' }>): Html {
  const s = ctx.s;
  const geometry = (ctx.options.mapGeometry ?? defaultMapGeometry())(block.places, HOME_PLACE);
  const titleId = `${blockAnchor(block.id)}-title`;
  const label = block.title?.text ?? s.map;
  const dots = block.places.map((place, i) => {
    const p = geometry.points[i];
    if (!p) return markup``;
    return markup`<g class="place"><circle cx="${p.x}" cy="${p.y}" r="5"></circle><text x="${p.x + 8}" y="${p.y + 4}">${place.name.text}</text></g>`;
  });
  const home = geometry.home
    ? markup`<g class="place home"><circle cx="${geometry.home.x}" cy="${geometry.home.y}" r="7"></circle><text x="${geometry.home.x + 10}" y="${geometry.home.y - 8}">${s.home}</text></g>`
    : markup``;
  return markup`<figure class="map"><svg viewBox="0 0 ${geometry.width} ${geometry.height}" role="img" aria-labelledby="${titleId}" focusable="false"><title id="${titleId}">${label}</title><rect class="sea" width="${geometry.width}" height="${geometry.height}"></rect><path class="land" d="${geometry.outline}"></path>${home}${dots}</svg><figcaption><span class="visually-hidden">${s.mapPlaces}</span><ul class="places">${block.places.map(
    (p) =>
      markup`<li><span class="place-name"${langAttrs(ctx, p.name)}>${userText(p.name.text)}</span> <span class="country">(${p.country})</span>${
        p.since ? markup`, ${s.since} ${p.since}` : ''
      }</li>`,
  )}</ul></figcaption></figure>`;
}

/**
 * "Then and now": both pictures stacked in one frame, the later one revealed from the inline end
 * up to a native range input laid over the frame (arrow keys, Home/End, dragging with a finger or
 * the mouse; the runtime's compare.ts moves the edge). The two captions with their credits follow.
 */
function comparisonFigure(ctx: Ctx, block: Extract<BlockView, { type: 'comparison' }>): Html {
  const s = ctx.s;
  const beforeLabel = block.before.label ? text(ctx, block.before.label) : markup`${s.then}`;
  const afterLabel = block.after.label ? text(ctx, block.after.label) : markup`${s.now}`;
  const plainLabel = `${block.before.label?.text ?? s.then} / ${block.after.label?.text ?? s.now}`;
  const layer = (item: ItemView, cls: string) =>
    item.image
      ? markup`<div class="${cls}">${picture(ctx, item.image, item.alt?.text ?? item.title.text, SIZES_WIDE)}</div>`
      : markup``;
  const stage =
    block.before.item.image && block.after.item.image
      ? markup`<div class="compare-stage" data-compare="">${layer(block.before.item, 'compare-before')}${layer(block.after.item, 'compare-after')}<span class="compare-handle" aria-hidden="true"></span><input class="compare-range" type="range" min="0" max="100" value="50" aria-label="${plainLabel}"></div>`
      : null;
  return markup`<figure class="comparison${stage ? ' has-stage' : ''}">${stage ?? ''}<div class="pair">${itemFigure(
    ctx,
    block.before.item,
    { sizes: SIZES_HALF, label: beforeLabel, media: !stage },
  )}${itemFigure(ctx, block.after.item, {
    sizes: SIZES_HALF,
    label: afterLabel,
    media: !stage,
  })}</div>${block.caption ? markup`<figcaption>${paragraphs(ctx, block.caption)}</figcaption>` : ''}</figure>`;
}

export function renderBlock(ctx: Ctx, block: BlockView): Html {
  const s = ctx.s;
  const id = blockAnchor(block.id);
  const open = (extra: Html | string = '') =>
    markup`<section class="block block-${block.type}" id="${id}" data-block="${block.id}"${extra}>`;
  switch (block.type) {
    case 'text': {
      const links: string[] = [];
      const body = renderRichText(block.doc ?? undefined, {
        link: kiosk(ctx)
          ? (href, content) => {
              if (!links.includes(href)) links.push(href);
              return markup`<span class="external">${content}</span>`;
            }
          : undefined,
      });
      const dir = textDirection(block.lang);
      const attrs =
        block.lang === ctx.view.lang
          ? markup``
          : dir !== ctx.view.dir
            ? markup` lang="${block.lang}" dir="${dir}"`
            : markup` lang="${block.lang}"`;
      return markup`${open(attrs)}${body}${kiosk(ctx) ? qrList(ctx, links) : ''}</section>`;
    }
    case 'item':
      // A full-bleed item spans the page's width; the others keep to the text column.
      return markup`${open(block.wide ? markup` data-wide=""` : '')}${itemFigure(ctx, block.item, { caption: block.caption, sizes: block.wide ? '100vw' : SIZES_WIDE })}</section>`;
    case 'gallery':
      return markup`${open()}${heading(ctx, block.title)}<ul class="gallery">${block.items.map(
        (item) => markup`<li>${itemFigure(ctx, item, { sizes: SIZES_GRID })}</li>`,
      )}</ul></section>`;
    case 'timeline':
      return markup`${open()}${heading(ctx, block.title, s.timeline)}<ol class="timeline">${block.events.map(
        (e) =>
          markup`<li class="event${e.award ? ' award' : ''}">${
            e.datetime
              ? markup`<time datetime="${e.datetime}">${e.date}</time>`
              : markup`<span class="time">${e.date}</span>`
          }<h3${langAttrs(ctx, e.title)}>${userText(e.title.text)}</h3>${
            e.award
              ? markup`<p class="kind">${s.award}</p>`
              : e.place
                ? markup`<p class="kind">${text(ctx, e.place)}</p>`
                : ''
          }${paragraphs(ctx, e.text)}</li>`,
      )}</ol></section>`;
    case 'quote':
      return markup`${open()}<figure class="quote"><blockquote>${paragraphs(ctx, block.text)}</blockquote>${
        block.attribution || block.item
          ? markup`<figcaption>${block.attribution ? markup`<span class="attribution">${text(ctx, block.attribution)}</span>` : ''}${
              block.item ? markup` <cite>${text(ctx, block.item.title)}</cite>` : ''
            }</figcaption>`
          : ''
      }</figure></section>`;
    case 'comparison':
      return markup`${open()}${comparisonFigure(ctx, block)}</section>`;
    case 'map':
      return markup`${open()}${heading(ctx, block.title, s.map)}${mapFigure(ctx, block)}</section>`;
  }
}
