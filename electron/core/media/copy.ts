import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { faultPoint } from '../library/fs-atomic';

export interface CopyResult {
  sha256: string;
  bytes: number;
}

export class CopyLimitExceeded extends Error {
  constructor(
    readonly bytes: number,
    readonly limit: number,
  ) {
    super(`copy exceeded ${limit} bytes`);
  }
}

/** The source (not the library) failed: vanished, unreadable, a device that went away. */
export class SourceReadError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
  }
}

const CHUNK = 1 << 20;

/**
 * Copies `source` to a new file `target` (which must not exist) while hashing, in one pass, and
 * fsyncs it. The hash is of the bytes actually written, so what is stored under a hash is what
 * was hashed even if the source changes meanwhile. Stops at `maxBytes` so a file that grows
 * after the size check cannot fill the disk.
 */
export async function copyAndHash(
  source: string,
  target: string,
  options: { maxBytes: number; signal?: AbortSignal },
): Promise<CopyResult> {
  const hash = createHash('sha256');
  const input = await open(source, 'r').catch((error: unknown) => {
    throw new SourceReadError(error);
  });
  try {
    await faultPoint('open', target);
    const output = await open(target, 'wx');
    try {
      const buffer = Buffer.allocUnsafe(CHUNK);
      let bytes = 0;
      for (;;) {
        options.signal?.throwIfAborted();
        const { bytesRead } = await input.read(buffer, 0, CHUNK, null).catch((error: unknown) => {
          throw new SourceReadError(error);
        });
        if (bytesRead === 0) break;
        bytes += bytesRead;
        if (bytes > options.maxBytes) throw new CopyLimitExceeded(bytes, options.maxBytes);
        const chunk = buffer.subarray(0, bytesRead);
        hash.update(chunk);
        await faultPoint('write', target);
        let written = 0;
        while (written < bytesRead) {
          const res = await output.write(chunk, written, bytesRead - written);
          written += res.bytesWritten;
        }
      }
      await faultPoint('fsync', target);
      await output.sync();
      return { sha256: hash.digest('hex'), bytes };
    } finally {
      await output.close();
    }
  } finally {
    await input.close();
  }
}
