import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./src/web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));
const api = 'http://127.0.0.1:3000';

/** The staff web app. `npm run build:web` writes dist/web, which the server serves. */
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    // The server's CSP forbids inline scripts and styles: never inline assets as data URLs
    // except images, which img-src allows.
    assetsInlineLimit: 0,
    sourcemap: true,
  },
  server: {
    proxy: {
      '/api': api,
      '/healthz': api,
    },
  },
});
