// A static server for dist/ on loopback, under a sub-path, with the strict CSP a docs
// site would send, serving the precompressed `.br`/`.gz` copies when the browser
// accepts them (as `brotli_static`/`gzip_static` do). Used by the end-to-end tests
// and the benchmark; `node server.mjs` serves it by hand.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors 'none'";

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json',
};

/** Serves `root` at `prefix` (e.g. `/tools/ixn/`) on 127.0.0.1; resolves to { url, close }. */
export function serve(root, prefix = '/tools/ixn/', port = 0) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = path.slice(prefix.length) || 'index.html';
    rel = normalize(rel).replace(/^(\.\.[/\\])+/, '');
    try {
      const file = join(root, rel);
      const accepts = String(req.headers['accept-encoding'] ?? '');
      let body;
      let encoding;
      for (const [enc, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        if (!body && new RegExp(`\\b${enc}\\b`).test(accepts)) {
          body = await readFile(file + ext).catch(() => undefined);
          if (body) encoding = enc;
        }
      }
      body ??= await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(rel)] ?? 'application/octet-stream',
        ...(encoding ? { 'content-encoding': encoding } : {}),
        vary: 'accept-encoding',
        'content-security-policy': CSP,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const { port: p } = server.address();
      resolve({ url: `http://127.0.0.1:${p}${prefix}`, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('../dist/', import.meta.url));
  const port = Number(process.env.PORT ?? 8080);
  const prefix = process.env.PREFIX ?? '/';
  const { url } = await serve(root, prefix, port);
  console.log(`IXN portal at ${url}`);
}
