import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/renderer', import.meta.url));

/**
 * The curator UI. Both hosts (Electron's custom protocol and the loopback web host) send
 * `script-src 'self'`, so the build must contain no inline script at all: the module preload
 * polyfill is off (it would be injected inline) and nothing is inlined as a data: URL.
 */
export default defineConfig({
  root,
  // Relative URLs: the same build is served from `vitrine://app/` and from `http://127.0.0.1:N/`.
  base: './',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 1500,
  },
  server: { host: '127.0.0.1', strictPort: false },
});
