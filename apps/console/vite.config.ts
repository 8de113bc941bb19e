import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built into dist/console, which the gateway serves at / (apps/gateway/src/console).
// Everything is bundled (no CDN, fonts or tiles): the console works offline.
export default defineConfig({
  root: 'apps/console',
  base: '/',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: '../../dist/console',
    emptyOutDir: true,
    sourcemap: false,
    // The world geometry is fetched as its own file, not inlined as a data: URL.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
});
