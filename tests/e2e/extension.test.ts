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

  test('a request from the worker is refused by the browser (CSP connect-src \'none\'), and nothing reaches the server', async () => {
    // The positive control of the recorder is now the CSP itself: the request is made on purpose
    // and must fail before it leaves the browser.
    const outcome = await session.sw.evaluate(async (origin: string) => {
      try {
        await fetch(`${origin}/recorder-probe`);
        return 'fetched';
      } catch (error) {
        return String(error);
      }
    }, server.origin);
    expect(outcome).toMatch(/TypeError/);
    expect(server.requests.some((r) => r.path === '/recorder-probe')).toBe(false);
    session.requests.length = 0;
  });

  test('makes no network request on its own while idle', async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(session.extensionNetworkRequests()).toEqual([]);
  });
});
