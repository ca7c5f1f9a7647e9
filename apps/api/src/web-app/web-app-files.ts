import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where `npm run web:build` writes the app (apps/web/dist), found from this file so the cwd does not matter. */
export const WEB_APP_DIST = resolve(__dirname, '..', '..', '..', 'web', 'dist');

/** Injection token of the directory served (WEB_APP_DIST; tests give another). */
export const WEB_APP_DIR = Symbol('WEB_APP_DIR');

export const webAppBuilt = (dist: string) => existsSync(join(dist, 'index.html'));

/**
 * Paths the API itself answers: the SPA fallback never serves index.html under them, so an unknown
 * API path still gets the API's 404 and a client route can never shadow one of the API's.
 */
export const API_PREFIXES = [
  '/graphql',
  '/health',
  '/metrics',
  '/admin',
  '/calendar',
  '/reports',
  '/index-reports',
  '/documents',
  '/explorer',
  '/good-practices',
  '/exports',
  '/personal-data',
];

export const isApiPath = (path: string) => API_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/**
 * Cache-Control per file: Vite names the files under /assets by their content hash, so they never
 * change (immutable); the page, the service worker and its registration must be revalidated every
 * time, or a phone would keep an old app after a release.
 */
export function cacheControlFor(relativePath: string): string {
  if (relativePath.startsWith('assets/')) return 'public, max-age=31536000, immutable';
  if (/(^|\/)(index\.html|sw\.js|registerSW\.js|manifest\.webmanifest|workbox-[^/]+\.js)$/.test(relativePath)) return 'no-cache';
  return 'public, max-age=3600';
}
