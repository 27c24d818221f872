/**
 * The web app is built into apps/web/dist, which the server serves at `/`. In development,
 * `npm run dev -w @qadiya/web` serves it with hot reload and forwards `/api` to a running server.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // recharts (the charts of the statistics screens) checks elements with react-is, which must
    // match React 19; the hoisted copy is prop-types' react-is 16. Resolve the web app's own.
    dedupe: ['react-is'],
  },
  server: {
    proxy: { '/api': process.env.QADIYA_API_URL ?? 'http://localhost:8080' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The bundle budget (scripts/check-bundle-size.mjs) is the real limit; this only warns.
    chunkSizeWarningLimit: 900,
  },
});
