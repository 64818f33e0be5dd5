import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Request, type Route, type Worker } from 'playwright-core';
import type { Browser } from 'wxt/browser';
import { ensureExtensionBuilt } from './build.ts';
import { contentTypeOf } from './server.ts';

/** Where a request came from, as far as the browser tells us. */
export type RequestOrigin = 'page' | 'extension-page' | 'service-worker' | 'unknown';

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  origin: RequestOrigin;
  /** URL of the frame or worker that made it. */
  initiator: string;
}

export interface Session {
  context: BrowserContext;
  sw: Worker;
  extensionId: string;
  /** Every request Playwright saw in this context (pages, extension pages, service worker). */
  requests: RecordedRequest[];
  /** http(s) requests that matched no served fixture (aborted, never reached any network). */
  unserved: string[];
  /** Serve `file` whenever the browser asks for `url` (exact, fragment ignored); works for real hostnames. */
  serve(url: string, file: string): void;
  /** Serve literal HTML at `url`. */
  serveHtml(url: string, html: string): void;
  /** http(s) requests made by extension pages or the service worker. */
  extensionNetworkRequests(): RecordedRequest[];
  close(): Promise<void>;
}

/**
 * The extension API as seen inside `sw.evaluate(...)` callbacks (serialised and run in the worker,
 * where Chromium calls it `chrome`). Typed locally so no global leaks into the project.
 */
export type ChromeGlobal = { chrome: typeof Browser };

const LAUNCH_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function originOf(request: Request): { origin: RequestOrigin; initiator: string } {
  const worker = request.serviceWorker();
  if (worker) return { origin: 'service-worker', initiator: worker.url() };
  let frameUrl = '';
  try {
    frameUrl = request.frame().url();
  } catch {
    return { origin: 'unknown', initiator: '' };
  }
  return { origin: frameUrl.startsWith('chrome-extension://') ? 'extension-page' : 'page', initiator: frameUrl };
}

function withoutHash(url: string): string {
  const u = new URL(url);
  u.hash = '';
  return u.href;
}

/**
 * Launch Chromium (headless, flags from shared/toolchain.md) with the built extension loaded.
 * Every http(s) request is answered from fixtures or aborted: nothing leaves the machine, and
 * requests to the local fixture server (passThroughOrigin) go through untouched.
 */
export async function launchWithExtension(options: { passThroughOrigin?: string } = {}): Promise<Session> {
  const extensionDir = ensureExtensionBuilt();
  const userDataDir = await mkdtemp(join(tmpdir(), 'sekretaersjekk-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...LAUNCH_FLAGS],
  });

  const requests: RecordedRequest[] = [];
  const unserved: string[] = [];
  const served = new Map<string, { file?: string; html?: string }>();

  context.on('request', (request) => {
    requests.push({ url: request.url(), method: request.method(), resourceType: request.resourceType(), ...originOf(request) });
  });

  await context.route(/^https?:\/\//, async (route: Route) => {
    const url = route.request().url();
    if (options.passThroughOrigin && url.startsWith(options.passThroughOrigin + '/')) {
      await route.continue();
      return;
    }
    const entry = served.get(withoutHash(url));
    if (!entry) {
      unserved.push(url);
      await route.fulfill({ status: 404, contentType: 'text/plain', body: 'not a fixture' });
      return;
    }
    const body = entry.html ?? (await readFile(entry.file ?? ''));
    await route.fulfill({
      status: 200,
      contentType: entry.html !== undefined ? 'text/html; charset=utf-8' : contentTypeOf(entry.file ?? ''),
      body,
    });
  });

  const sw = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(sw.url()).host;

  return {
    context,
    sw,
    extensionId,
    requests,
    unserved,
    serve: (url, file) => void served.set(withoutHash(url), { file }),
    serveHtml: (url, html) => void served.set(withoutHash(url), { html }),
    extensionNetworkRequests: () =>
      requests.filter((r) => r.origin !== 'page' && /^https?:/.test(r.url)),
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Tab id of `page`, asked from the service worker (the page must be the active tab, e.g. just opened). */
export async function tabIdOf(session: Session, page: Page): Promise<number> {
  await page.bringToFront();
  const url = page.url();
  const id = await session.sw.evaluate(async (pageUrl: string) => {
    const chrome = (globalThis as unknown as ChromeGlobal).chrome;
    const tabs = await chrome.tabs.query({});
    const exact = tabs.filter((t) => t.url === pageUrl || t.pendingUrl === pageUrl);
    if (exact.length === 1) return exact[0]?.id ?? -1;
    const [active] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return active?.id ?? -1;
  }, url);
  if (id < 0) throw new Error(`no tab id for ${url}`);
  return id;
}

export async function badgeOf(session: Session, tabId: number): Promise<{ text: string; color: number[] }> {
  return session.sw.evaluate(async (id: number) => {
    const chrome = (globalThis as unknown as ChromeGlobal).chrome;
    return {
    text: await chrome.action.getBadgeText({ tabId: id }),
    color: Array.from(await chrome.action.getBadgeBackgroundColor({ tabId: id })),
    };
  }, tabId);
}
