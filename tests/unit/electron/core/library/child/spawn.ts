import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';

/** Bundles child/writer.ts into one .mjs (dependencies included) so plain `node` can run it. */
export async function bundleWriter(): Promise<string> {
  const out = join(await mkdtemp(join(tmpdir(), 'vitrine-child-')), 'writer.mjs');
  await build({
    entryPoints: [join(import.meta.dirname, 'writer.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: out,
    logLevel: 'silent',
  });
  return out;
}

export interface Child {
  process: ChildProcess;
  lines: string[];
  /**
   * Resolves with the `count`-th line matching `pattern` (default the first); rejects when the
   * child exits without printing it. The timeout only bounds a hung child and is generous.
   */
  waitFor(pattern: RegExp, timeoutMs?: number, count?: number): Promise<string>;
  exited: Promise<number | null>;
}

export function startChild(script: string, args: string[]): Child {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; left: number; resolve: (line: string) => void }[] = [];
  let buffer = '';
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      lines.push(line);
      for (const w of [...waiters])
        if (w.pattern.test(line) && --w.left === 0) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(line);
        }
    }
  });
  let stderr = '';
  child.stderr!.on('data', (c) => (stderr += String(c)));
  // 'close' waits for stdout to drain, so every line the child printed is in `lines`.
  const exited = new Promise<number | null>((resolve) =>
    child.on('close', (code) => resolve(code)),
  );
  return {
    process: child,
    lines,
    exited,
    waitFor(pattern, timeoutMs = 60_000, count = 1) {
      const matching = lines.filter((l) => pattern.test(l));
      if (matching.length >= count) return Promise.resolve(matching[count - 1]!);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `child did not print ${pattern}; stderr: ${stderr}; lines: ${lines.join(' | ')}`,
              ),
            ),
          timeoutMs,
        );
        waiters.push({
          pattern,
          left: count - matching.length,
          resolve: (l) => (clearTimeout(timer), resolve(l)),
        });
        // 'close' comes after stdout drained, so a line that was printed has been seen by now.
        void exited.then(() => {
          clearTimeout(timer);
          reject(new Error(`child exited; stderr: ${stderr}; lines: ${lines.join(' | ')}`));
        });
      });
    },
  };
}
