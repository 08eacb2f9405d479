import { createHash } from 'node:crypto';
import { z } from 'zod';
import { COLLECTIONS, EntitySchemas } from '../../../shared/domain/library';

/**
 * Content hashes of the data files as the store wrote them, kept in library.json next to
 * `revision` (outside the manifest's schema): `"checksums": { "schema": …, "files": { rel: sha256 } }`.
 *
 * Every entity the store writes was validated on the way in, so a file whose bytes still hash to
 * what the store recorded holds validated data; opening then skips the per-entity schema check,
 * which cost about three times reading and parsing the files (issue 10 §2). Any other file — one
 * edited by hand, damaged on disk, written by an older Vitrine or under a different schema — has
 * no matching hash and is validated in full, through the same damaged-library path as before.
 * `vitrine check` always validates in full.
 *
 * `schema` is a fingerprint of the entity schemas (their JSON Schema, defaults included): data
 * written under other schemas, e.g. before a field with a default was added, is validated again.
 */
export const CHECKSUMS_KEY = 'checksums';

export function contentHash(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

let fingerprint: string | null = null;

/** Computed once per process (about 10 ms). */
export function schemaFingerprint(): string {
  if (fingerprint === null) {
    const parts = COLLECTIONS.map((c) => [
      c,
      z.toJSONSchema(EntitySchemas[c], { unrepresentable: 'any', io: 'input' }),
    ]);
    fingerprint = contentHash(JSON.stringify(parts)).slice(0, 16);
  }
  return fingerprint;
}

/** The recorded hashes that may be trusted (same schema), or an empty map. */
export function readChecksums(manifestRaw: Record<string, unknown>): Map<string, string> {
  const record = manifestRaw[CHECKSUMS_KEY] as { schema?: unknown; files?: unknown } | undefined;
  const trusted = new Map<string, string>();
  if (typeof record !== 'object' || record === null || record.schema !== schemaFingerprint())
    return trusted;
  const files = record.files;
  if (typeof files !== 'object' || files === null || Array.isArray(files)) return trusted;
  for (const [rel, sum] of Object.entries(files))
    if (typeof sum === 'string' && /^[0-9a-f]{64}$/.test(sum)) trusted.set(rel, sum);
  return trusted;
}

/** The value stored under CHECKSUMS_KEY, files in a stable order. */
export function checksumsRecord(sums: ReadonlyMap<string, string>): {
  schema: string;
  files: Record<string, string>;
} {
  const files: Record<string, string> = {};
  for (const rel of [...sums.keys()].sort()) files[rel] = sums.get(rel)!;
  return { schema: schemaFingerprint(), files };
}
