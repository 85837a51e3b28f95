import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The studio, built into web/dist and served by the Kinora server (`npm run build`). In development, `vite web`
 * proxies the API and studio routes to a server on :8080 so the session cookie stays same-origin.
 */
const server = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The strict CSP forbids inline scripts: keep every script a file, and the preload helper inside the bundle.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: { proxy: { '/v1': server, '/studio': server, '/v': server } },
});
