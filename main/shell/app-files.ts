import fs from 'node:fs';
import path from 'node:path';

/**
 * Serving the built renderer, the same way in Electron (the privileged app:// scheme)
 * and in the Chromium shell (a routed origin): same files, same headers, same CSP.
 */

/** Nothing but the app's own files; no inline script, no network, no frames. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

export interface AppFile {
  body: Buffer;
  headers: Record<string, string>;
}

/**
 * The file a request path names inside the renderer folder, or null: never a path that
 * climbs out of it, never a folder, never a type we do not serve.
 */
export function readAppFile(rendererDir: string, pathname: string): AppFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  const type = MIME[path.extname(file).toLowerCase()];
  if (!type) return null;
  let body: Buffer;
  try {
    body = fs.readFileSync(file);
  } catch {
    return null;
  }
  return {
    body,
    headers: {
      'Content-Type': type,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  };
}
