/**
 * Guesses the field delimiter of a delimited text table from its first lines. A candidate wins
 * when the header splits into at least two fields and the most data lines split into the same
 * number — so decimal commas (`12,5` in a `;` file) and commas inside quoted text, which break
 * PapaParse's guess (mholt/PapaParse #153, #804), do not win: they never give every line the
 * header's field count.
 */
export const DELIMITERS = [';', ',', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Field counts of the first `maxLines` records, honouring quotes (and newlines inside them). */
function fieldCounts(text: string, delimiter: string, maxLines: number): number[] {
  const counts: number[] = [];
  let fields = 1;
  let inQuotes = false;
  let atFieldStart = true;
  let lineHasContent = false;
  for (let i = 0; i < text.length && counts.length < maxLines; i++) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === '"' && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
      lineHasContent = true;
    } else if (c === delimiter) {
      fields++;
      atFieldStart = true;
      lineHasContent = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      if (lineHasContent) counts.push(fields);
      fields = 1;
      atFieldStart = true;
      lineHasContent = false;
    } else {
      atFieldStart = false;
      lineHasContent = true;
    }
  }
  if (lineHasContent && counts.length < maxLines) counts.push(fields);
  return counts;
}

export interface SniffResult {
  delimiter: Delimiter;
  /** Share of sampled data lines with the header's field count (1 = every line). */
  confidence: number;
}

export function sniffDelimiter(text: string, maxLines = 50): SniffResult {
  let best: SniffResult & { fields: number } = { delimiter: ',', confidence: 0, fields: 1 };
  for (const delimiter of DELIMITERS) {
    const counts = fieldCounts(text, delimiter, maxLines);
    const header = counts[0] ?? 1;
    if (header < 2) continue;
    const data = counts.slice(1);
    const matching = data.filter((n) => n === header).length;
    const confidence = data.length === 0 ? 0.5 : matching / data.length;
    // Earlier candidates win ties: `;` first, as German Excel writes it.
    if (
      confidence > best.confidence ||
      (confidence === best.confidence && header > best.fields && best.confidence === 0)
    )
      best = { delimiter, confidence, fields: header };
  }
  return { delimiter: best.delimiter, confidence: best.confidence };
}
