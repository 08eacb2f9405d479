// The explicit `.js`: the CLI leaves packages to Node's ESM resolver, which adds no extensions.
import QRCodeCore from 'qrcode/lib/core/qrcode.js';

/**
 * A QR code as inline SVG, so a kiosk can offer a web address without linking to it. The
 * exporter and the editor's preview both call this, so the preview shows the bundle's code.
 * Horizontal runs of dark modules are merged into one path segment each.
 */
export function qrSvg(url: string): string {
  const qr = QRCodeCore.create(url, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const quiet = 4;
  let d = '';
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!qr.modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && qr.modules.get(row, col)) col++;
      d += `M${start + quiet} ${row + quiet}h${col - start}v1h${start - col}z`;
    }
  }
  const full = size + 2 * quiet;
  return `<svg viewBox="0 0 ${full} ${full}" aria-hidden="true" focusable="false" shape-rendering="crispEdges"><rect width="${full}" height="${full}" fill="#fff"></rect><path d="${d}" fill="#000"></path></svg>`;
}
