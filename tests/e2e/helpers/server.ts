import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export function contentTypeOf(path: string): string {
  return TYPES[extname(path)] ?? 'application/octet-stream';
}

export interface ServedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface FixtureServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** Every request that reached the server, in order. */
  requests: ServedRequest[];
  close(): Promise<void>;
}

/** A static file server for the fixture tree on 127.0.0.1 and a random port. */
export async function startFixtureServer(root: string): Promise<FixtureServer> {
  const requests: ServedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push({ method: req.method ?? 'GET', path, headers: req.headers });
    const file = normalize(join(root, path));
    if (!file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'content-type': contentTypeOf(file), 'cache-control': 'no-store' }).end(body);
      },
      () => {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
