import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const root = fileURLToPath(new URL('.', import.meta.url));
// Dev mode (npm run web:dev): the API runs separately (npm start or npm run api); Vite proxies to it.
const api = process.env.PEERVISIT_API_URL ?? 'http://127.0.0.1:3000';

/** Paths the API answers; the service worker never serves the app shell for them. */
const apiPaths = [
  /^\/graphql/,
  /^\/health/,
  /^\/metrics/,
  /^\/admin/,
  /^\/calendar/,
  /^\/reports/,
  /^\/index-reports/,
  /^\/documents/,
  /^\/explorer/,
  /^\/good-practices/,
  /^\/exports\//,
  /^\/personal-data\//,
  /^\/reviews\/[^/]+\/documents/,
];

export default defineConfig({
  root,
  // The libs the web app shares with the API: pure code, bundled from source (same names as tsconfig.base.json).
  resolve: { alias: { '@peervisit/charts': fileURLToPath(new URL('../../libs/charts/src/index.ts', import.meta.url)) } },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 600 },
  server: {
    port: Number(process.env.WEB_DEV_PORT ?? 5173),
    proxy: {
      '/graphql': { target: api, ws: true, changeOrigin: true },
      '^/(health|reports|index-reports|documents|calendar|explorer|reviews/[^/]+/documents|good-practices/|exports/|personal-data/)': {
        target: api,
        changeOrigin: true,
      },
    },
  },
  plugins: [
    react(),
    VitePWA({
      // A new version waits until every tab of the old one is closed: a peer mid-interview is never reloaded.
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/*.png', 'icons/*.svg'],
      manifest: {
        name: 'PeerVisit',
        short_name: 'PeerVisit',
        description: 'Peer reviews of cities: the visit notebook, offline first.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f6f7f9',
        theme_color: '#1d4ed8',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // The app shell: every built file, so the app opens with no network at all.
        globPatterns: ['**/*.{js,css,html,png,svg,webmanifest}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: apiPaths,
        cleanupOutdatedCaches: true,
        // The first visit is served by the worker at once, so a peer who opens the app once is ready offline.
        clientsClaim: true,
        // GraphQL goes to the network only: offline evidence lives in our IndexedDB outbox, not in a cache.
        runtimeCaching: [],
      },
    }),
  ],
});
