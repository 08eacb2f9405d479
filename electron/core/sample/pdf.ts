/**
 * A minimal one-page PDF written by hand: Helvetica from the standard 14 fonts (nothing
 * embedded), WinAnsi encoding for umlauts and typographic quotes, and a byte-exact xref table,
 * so strict readers accept it without repair.
 */
export interface PdfLine {
  text: string;
  size: number;
  bold?: boolean;
  /** Extra space before this line, in points. */
  gap?: number;
}

/** Unicode → WinAnsi (cp1252) for the characters above Latin-1 that German text uses. */
const WIN_ANSI: Record<string, number> = {
  '–': 0x96,
  '—': 0x97,
  '„': 0x84,
  '“': 0x93,
  '”': 0x94,
  '‚': 0x82,
  '‘': 0x91,
  '’': 0x92,
  '…': 0x85,
  '€': 0x80,
};

function encodeWinAnsi(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const mapped = WIN_ANSI[ch];
    const code = ch.codePointAt(0)!;
    if (mapped !== undefined) bytes.push(mapped);
    else if (code < 0x100) bytes.push(code);
    else bytes.push(0x3f); // '?': the standard fonts cannot show it anyway
  }
  return Buffer.from(bytes);
}

function pdfString(text: string): Buffer {
  const raw = encodeWinAnsi(text);
  const out: number[] = [0x28];
  for (const b of raw) {
    if (b === 0x28 || b === 0x29 || b === 0x5c) out.push(0x5c);
    out.push(b);
  }
  out.push(0x29);
  return Buffer.from(out);
}

export interface PdfSpec {
  title: string;
  lines: PdfLine[];
  /** Page size in points; A4 by default. */
  width?: number;
  height?: number;
}

export function onePagePdf(spec: PdfSpec): Buffer {
  const width = spec.width ?? 595;
  const height = spec.height ?? 842;
  const left = 72;
  let y = height - 90;
  const parts: Buffer[] = [Buffer.from('BT\n', 'latin1')];
  for (const line of spec.lines) {
    y -= (line.gap ?? 0) + line.size * 1.45;
    parts.push(
      Buffer.from(
        `/${line.bold ? 'F2' : 'F1'} ${line.size} Tf\n1 0 0 1 ${left} ${Math.round(y)} Tm\n`,
        'latin1',
      ),
    );
    parts.push(pdfString(line.text), Buffer.from(' Tj\n', 'latin1'));
  }
  parts.push(Buffer.from('ET\n', 'latin1'));
  const content = Buffer.concat(parts);

  const objects: Buffer[] = [
    Buffer.from('<< /Type /Catalog /Pages 2 0 R >>', 'latin1'),
    Buffer.from('<< /Type /Pages /Kids [3 0 R] /Count 1 >>', 'latin1'),
    Buffer.from(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>`,
      'latin1',
    ),
    Buffer.from(
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
      'latin1',
    ),
    Buffer.from(
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>',
      'latin1',
    ),
    Buffer.concat([
      Buffer.from(`<< /Length ${content.length} >>\nstream\n`, 'latin1'),
      content,
      Buffer.from('endstream', 'latin1'),
    ]),
    Buffer.concat([
      Buffer.from('<< /Title ', 'latin1'),
      pdfString(spec.title),
      Buffer.from(' /Producer (Vitrine sample library) >>', 'latin1'),
    ]),
  ];

  // Binary comment after the header tells transfer tools the file is not plain text.
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const obj = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      body,
      Buffer.from('\nendobj\n', 'latin1'),
    ]);
    chunks.push(obj);
    offset += obj.length;
  });
  const xrefAt = offset;
  // Each xref entry is exactly 20 bytes: 10 digits, space, 5 digits, space, keyword, CR LF.
  const xref =
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f\r\n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n\r\n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  chunks.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(chunks);
}
