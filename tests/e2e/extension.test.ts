import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchWithExtension, type Session } from './helpers/browser.ts';
import { startFixtureServer, type FixtureServer } from './helpers/server.ts';
import { EXTENSION_DIR, ROOT } from './helpers/paths.ts';

let session: Session;
let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer(join(ROOT, 'tests/fixtures'));
  session = await launchWithExtension({ passThroughOrigin: server.origin });
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('built extension in Chromium', () => {
  test('loads, runs its service worker and asks for no broad permissions', async () => {
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
    const manifest = JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      manifest_version: number;
      permissions?: string[];
      host_permissions?: string[];
    };
    expect(manifest.manifest_version).toBe(3);
    const running = await session.sw.evaluate(() => (globalThis as unknown as { chrome: { runtime: { id: string } } }).chrome.runtime.id);
    expect(running).toBe(session.extensionId);
    for (const broad of ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*']) {
      expect(manifest.host_permissions ?? []).not.toContain(broad);
    }
    for (const needless of ['webRequest', 'history', 'cookies', 'debugger', 'management']) {
      expect(manifest.permissions ?? []).not.toContain(needless);
    }
  });

  test('the request recorder sees service-worker traffic (positive control for the no-network checks)', async () => {
    // A request we make on purpose from the worker must show up; otherwise "0 requests" proves nothing.
    await session.sw.evaluate(async (origin: string) => {
      await fetch(`${origin}/recorder-probe`).catch(() => undefined);
    }, server.origin);
    const seen = session.extensionNetworkRequests().filter((r) => r.url.endsWith('/recorder-probe'));
    expect(seen).toHaveLength(1);
    expect(seen[0]?.origin).toBe('service-worker');
    expect(server.requests.some((r) => r.path === '/recorder-probe')).toBe(true);
    session.requests.length = 0;
  });

  test('makes no network request on its own while idle', async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(session.extensionNetworkRequests()).toEqual([]);
  });
});
