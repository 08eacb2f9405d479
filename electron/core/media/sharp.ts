import os from 'node:os';
import type SharpModule from 'sharp';
import { AppError } from '../../../shared/errors';

export type Sharp = typeof SharpModule;

/** Which libvips build sharp picked: the native platform binary or the WebAssembly one. */
export function imageBackendName(sharp: Sharp): 'native' | 'wasm' {
  // The WebAssembly build reports the Emscripten version it was compiled with.
  return sharp.versions && 'emscripten' in sharp.versions ? 'wasm' : 'native';
}

function backendMissing(cause: unknown): AppError {
  const detail = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
  return new AppError(
    'MEDIA_UNSUPPORTED',
    {
      de: `Die Bildverarbeitung (sharp) ist nicht verfügbar, daher lassen sich gerade keine Bilder importieren, verkleinern oder exportieren. Alles andere funktioniert weiter. Bitte Vitrine neu installieren; die Ursache steht im Protokoll (${detail}).`,
      en: `Image processing (sharp) is not available, so images cannot be imported, resized or exported right now. Everything else keeps working. Please reinstall Vitrine; the cause is in the log (${detail}).`,
    },
    { cause },
  );
}

/**
 * sharp, loaded on first use (`loadSharp`) and never at a module's top level: a missing or broken platform
 * binary (a package built for another OS or CPU) then fails the one image task with a clear
 * message instead of stopping the process that imports this module (Electron main used to
 * `require('sharp')` at the top of main.cjs). In the desktop app this runs in the worker process
 * (utilityProcess), never in main. On Linux the desktop package ships sharp's WebAssembly build
 * instead of the native one, which sharp's loader then picks (see README "Images on Linux").
 * A failed load is not cached, so a repaired installation works without a restart.
 *
 * The thread pool is set to every core (sharp defaults to 1 on glibc) and the file cache is off
 * (it keeps input files open, which on Windows stops temp files from being renamed or removed).
 */
export function createSharpLoader(load: () => Promise<unknown>): () => Promise<Sharp> {
  let loading: Promise<Sharp> | null = null;
  return () => {
    loading ??= (async () => {
      const mod = (await load()) as { default?: Sharp } & Sharp;
      const sharp = mod.default ?? mod;
      sharp.concurrency(os.availableParallelism());
      sharp.cache({ files: 0 });
      return sharp;
    })().catch((error: unknown) => {
      loading = null;
      throw backendMissing(error);
    });
    return loading;
  };
}

// The CommonJS bundles (Electron's main and worker) require it, so Electron resolves it through
// the asar's unpacked copy like any native module; ESM code (CLI, tests) imports it. An ESM
// bundle without a real `require` (esbuild's shim throws "Dynamic require … not supported")
// falls through to `import`; a genuine load failure then fails there again, with its own cause.
export const loadSharp = createSharpLoader(async () => {
  if (typeof require === 'function') {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- see the comment above
      return require('sharp');
    } catch {
      // fall through
    }
  }
  return import('sharp');
});
