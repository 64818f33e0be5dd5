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
  /** The browser's profile folder (names this browser's processes on the command line). */
  userDataDir: string;
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
export async function launchWithExtension(options: { passThroughOrigin?: string; lang?: string; args?: string[]; extensionDir?: string } = {}): Promise<Session> {
  const extensionDir = options.extensionDir ?? ensureExtensionBuilt();
  const userDataDir = await mkdtemp(join(tmpdir(), 'sekretaersjekk-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    ignoreDefaultArgs: ['--disable-extensions'],
    // The extension speaks bokmål where the browser UI does (chrome.i18n.getUILanguage).
    locale: options.lang ?? 'nb-NO',
    args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, `--lang=${options.lang ?? 'nb'}`, `--accept-lang=${options.lang ?? 'nb'}`, ...LAUNCH_FLAGS, ...(options.args ?? [])],
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
    userDataDir,
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

/**
 * Clicks the toolbar button for `page`'s tab, as a reader would (CDP Extensions.triggerAction):
 * the real popup opens and the extension gets activeTab for that tab.
 */
export async function clickToolbarButton(session: Session, page: Page): Promise<void> {
  const browser = session.context.browser();
  if (!browser) throw new Error('no browser-level CDP for this context');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] })) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const tabs = targetInfos.filter((t) => t.type === 'tab' && t.url === page.url());
    if (tabs.length !== 1) throw new Error(`expected one tab target for ${page.url()}, found ${tabs.length}`);
    await cdp.send('Extensions.triggerAction' as 'Target.getTargets', { id: session.extensionId, targetId: tabs[0]!.targetId } as never);
  } finally {
    await cdp.detach();
  }
}

/** Profile fields as the extension stores them ('local:profile', storage item version 1). */
export interface StoredProfile {
  birthYear: number;
  authorisedHelsesekretaer: boolean;
  completed: string[];
  yearsAsSecretaryInHealth: number;
  educationAbroad: boolean;
  systems: string[];
}

/** Writes (or with null removes) the profile straight into storage.local, as the options page would. */
export async function setProfile(session: Session, profile: StoredProfile | null): Promise<void> {
  await session.sw.evaluate(async (value: StoredProfile | null) => {
    const chrome = (globalThis as unknown as ChromeGlobal).chrome;
    if (value === null) await chrome.storage.local.remove(['profile', 'profile$']);
    else await chrome.storage.local.set({ profile: value, profile$: { v: 1 } });
  }, profile);
}

/** Polls the badge of a tab until `accept` says yes; returns it. */
export async function waitForBadge(
  session: Session,
  tabId: number,
  accept: (badge: { text: string; color: number[] }) => boolean,
  timeoutMs = 5000,
): Promise<{ text: string; color: number[] }> {
  const deadline = Date.now() + timeoutMs;
  let badge = await badgeOf(session, tabId);
  while (!accept(badge)) {
    if (Date.now() > deadline) throw new Error(`badge of tab ${tabId} stayed ${JSON.stringify(badge)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    badge = await badgeOf(session, tabId);
  }
  return badge;
}

export interface PopupResult {
  page: Page;
  state: string;
  verdict: string;
  route: string;
}

/** Opens popup.html?tab=<id> in a tab (the popup then acts for that tab) and waits until it is no longer loading. */
export async function openPopup(session: Session, tabId: number, existing?: Page): Promise<PopupResult> {
  const page = existing ?? (await session.context.newPage());
  await page.goto(`chrome-extension://${session.extensionId}/popup.html?tab=${tabId}`);
  await page.waitForSelector('#app:not([data-state="loading"])', { timeout: 10_000 });
  const data = await page.evaluate(() => {
    const app = document.getElementById('app');
    return { state: app?.dataset.state ?? '', verdict: app?.dataset.verdict ?? '', route: app?.dataset.route ?? '' };
  });
  return { page, ...data };
}

/** What the background keeps for a tab in storage.session (the reading, the board info, the frame), or null. */
export interface StoredTabState {
  reading?: { isTargetJob: boolean; listing: boolean };
  info?: { adapter: string; kind: string };
  frameId?: number;
}
export async function storedTabState(session: Session, tabId: number): Promise<StoredTabState | null> {
  return session.sw.evaluate(async (id: number) => {
    const chrome = (globalThis as unknown as ChromeGlobal).chrome;
    return ((await chrome.storage.session.get(`tab-${id}`))[`tab-${id}`] as StoredTabState | undefined) ?? null;
  }, tabId);
}
