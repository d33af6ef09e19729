import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";
import type { Plugin } from "graphql-yoga";

/** Where the console is served. */
export const CONSOLE_PATH = "/console";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
};

const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

const NOT_BUILT = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>工作台尚未构建</title>
<body><h1>工作台尚未构建</h1><p>请在项目目录运行 <code>pnpm install</code>（或 <code>pnpm --filter @fupin/console build</code>），然后刷新本页。</p></body></html>`;

interface CachedFile {
  readonly body: Buffer;
  readonly gzip: Buffer | null;
  readonly mtimeMs: number;
}

/** Options of `useConsoleRoutes`. */
export interface ConsoleRoutesOptions {
  /** The console's static build (packages/console/dist). */
  readonly dir: string;
}

function fileIn(dir: string, relativePath: string): string | null {
  const root = resolve(dir);
  const path = resolve(root, relativePath);
  if (path !== root && !path.startsWith(root + sep)) return null;
  return existsSync(path) && statSync(path).isFile() ? path : null;
}

/**
 * Serves the console's static build at /console: hashed assets cached for a year, the page itself
 * revalidated, every other path under /console answered with the page (the console routes in the browser).
 */
export function useConsoleRoutes(options: ConsoleRoutesOptions): Plugin {
  const cache = new Map<string, CachedFile>();
  function load(path: string): CachedFile {
    const mtimeMs = statSync(path).mtimeMs;
    const hit = cache.get(path);
    if (hit && hit.mtimeMs === mtimeMs) return hit;
    const body = readFileSync(path);
    const compressible = /\.(js|css|html|json|svg)$/.test(path) && body.length > 1024;
    const file = { body, gzip: compressible ? gzipSync(body) : null, mtimeMs };
    cache.set(path, file);
    return file;
  }
  return {
    onRequest({ request, url, endResponse }) {
      const { pathname } = url;
      if (pathname !== CONSOLE_PATH && !pathname.startsWith(`${CONSOLE_PATH}/`)) return;
      if (pathname === CONSOLE_PATH) {
        endResponse(new Response(null, { status: 308, headers: { location: `${CONSOLE_PATH}/` } }));
        return;
      }
      const rel = decodeURIComponent(pathname.slice(CONSOLE_PATH.length + 1));
      const asset = rel.startsWith("assets/") ? fileIn(options.dir, rel) : null;
      const path = asset ?? fileIn(options.dir, "index.html");
      if (!path) {
        endResponse(new Response(NOT_BUILT, { status: 503, headers: { "content-type": TYPES[".html"]! } }));
        return;
      }
      if (rel.startsWith("assets/") && !asset) {
        endResponse(new Response("not found", { status: 404, headers: { "content-type": "text/plain" } }));
        return;
      }
      const file = load(path);
      const gzip = file.gzip !== null && /\bgzip\b/.test(request.headers.get("accept-encoding") ?? "");
      const headers: Record<string, string> = {
        ...SECURITY_HEADERS,
        "content-type": TYPES[extname(path)] ?? "application/octet-stream",
        "cache-control": asset ? "public, max-age=31536000, immutable" : "no-cache",
        vary: "accept-encoding",
        ...(gzip ? { "content-encoding": "gzip" } : {}),
      };
      endResponse(new Response(new Uint8Array(gzip ? file.gzip! : file.body), { headers }));
    },
  };
}
