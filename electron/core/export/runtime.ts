import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the bundle runtime sources live. This module runs from source (tests), from the CLI
 * bundle in dist/cli/ and from Electron's main bundle, so the folder is found by walking up from
 * here; VITRINE_BUNDLE_DIR overrides it (packaged apps).
 */
function bundleDir(): string {
  const override = process.env.VITRINE_BUNDLE_DIR;
  if (override) return override;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = path.join(dir, 'renderer', 'bundle');
    if (existsSync(path.join(candidate, 'index.ts'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error('renderer/bundle not found (set VITRINE_BUNDLE_DIR)');
}

let script: Promise<string> | null = null;

/**
 * The bundle's runtime script, built once per process with esbuild as a classic IIFE script
 * (module scripts do not run from file://). esbuild output is deterministic for the same source.
 */
export function runtimeScript(): Promise<string> {
  script ??= (async () => {
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      entryPoints: [path.join(bundleDir(), 'index.ts')],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
      minify: true,
      legalComments: 'eof',
      charset: 'utf8',
      write: false,
      logLevel: 'silent',
    });
    return result.outputFiles[0]!.text;
  })();
  script.catch(() => (script = null));
  return script;
}

export function runtimeStylesheet(): Promise<string> {
  return readFile(path.join(bundleDir(), 'vitrine.css'), 'utf8');
}
