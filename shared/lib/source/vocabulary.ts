/**
 * What the reader knows about text and markup, named once: character codes, white space, bullets,
 * the words section headings are made of, and what each HTML element is (block, inline, hidden,
 * void, raw text). The HTML-string path (html.ts), plain text (text.ts) and the content script's
 * DOM reader (extension/utils/dom-text.ts) all take these from here.
 */
import type { BlockKind } from '../types.ts';

// ---------------------------------------------------------------------------------------------
// Character codes

/** Character codes by name, as micromark names them: `code === codes.lessThan` reads as what it tests. */
export const codes = {
  tab: 0x09,
  lineFeed: 0x0a,
  verticalTab: 0x0b,
  formFeed: 0x0c,
  carriageReturn: 0x0d,
  space: 0x20,
  exclamation: 0x21,
  quote: 0x22,
  numberSign: 0x23,
  ampersand: 0x26,
  apostrophe: 0x27,
  rightParenthesis: 0x29,
  asterisk: 0x2a,
  comma: 0x2c,
  hyphenMinus: 0x2d,
  fullStop: 0x2e,
  slash: 0x2f,
  digit0: 0x30,
  digit9: 0x39,
  colon: 0x3a,
  semicolon: 0x3b,
  lessThan: 0x3c,
  equals: 0x3d,
  greaterThan: 0x3e,
  question: 0x3f,
  upperA: 0x41,
  upperZ: 0x5a,
  lowerA: 0x61,
  lowerF: 0x66,
  lowerH: 0x68,
  lowerX: 0x78,
  lowerZ: 0x7a,
  upperX: 0x58,
  noBreakSpace: 0xa0,
  middleDot: 0xb7,
  enDash: 0x2013,
  emDash: 0x2014,
  bullet: 0x2022,
  lineSeparator: 0x2028,
  paragraphSeparator: 0x2029,
  blackSmallSquare: 0x25aa,
  blackCircle: 0x25cf,
  whiteBullet: 0x25e6,
} as const;

export function isAsciiLetter(c: number): boolean {
  return (c >= codes.lowerA && c <= codes.lowerZ) || (c >= codes.upperA && c <= codes.upperZ);
}

export function isAsciiDigit(c: number): boolean {
  return c >= codes.digit0 && c <= codes.digit9;
}

export function isAsciiAlphanumeric(c: number): boolean {
  return isAsciiLetter(c) || isAsciiDigit(c);
}

// ---------------------------------------------------------------------------------------------
// White space

/** White space as String.prototype.trim and RegExp \s see it. */
export function isJsSpace(c: number): boolean {
  if (c <= codes.space) return c === codes.space || (c >= codes.tab && c <= codes.carriageReturn);
  if (c < codes.noBreakSpace) return false;
  return (
    c === codes.noBreakSpace || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === codes.lineSeparator || c === codes.paragraphSeparator ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** White space in HTML syntax (between attributes, after a tag name). */
export function isHtmlSpace(c: number): boolean {
  return c === codes.space || c === codes.tab || c === codes.lineFeed || c === codes.formFeed || c === codes.carriageReturn;
}

/** isCollapsibleSpace as a regular-expression class, for the DOM reader's string passes. */
export const COLLAPSIBLE_SPACE_CLASS = '[ \\t\\n\\f\\r\\u00a0]';

/** White space that rendering collapses into one space: HTML white space and the no-break space
 * (which an ad's text uses as an ordinary space). */
export function isCollapsibleSpace(c: number): boolean {
  return isHtmlSpace(c) || c === codes.noBreakSpace;
}

// ---------------------------------------------------------------------------------------------
// Bullets

/**
 * Characters that start a list item typed as text ("- Autorisasjon", "• Erfaring", "✓ DIPS"):
 * hyphen-minus, en and em dash, bullet, asterisk, middle dot, black small square, black circle,
 * white bullet, black right-pointing pointer, check marks. A bullet is one of these followed by
 * white space. The plain-text and HTML readers, the DOM reader, the sentence splitter and the
 * requirement reader all take them from here.
 */
export const BULLET_CHARS = '-–—•*·▪●◦►✓✔';

const BULLET_CODES: ReadonlySet<number> = new Set([...BULLET_CHARS].map((ch) => ch.charCodeAt(0)));

export function isBulletChar(c: number): boolean {
  return BULLET_CODES.has(c);
}

/** "- item", "• item": text that starts with a bullet and one space. In HTML only bullets count: a
 * paragraph starting "2. " is more often a date or an ordinal. */
export function startsWithBullet(text: string): boolean {
  return text.charCodeAt(1) === codes.space && isBulletChar(text.charCodeAt(0));
}

// ---------------------------------------------------------------------------------------------
// Section headings

/**
 * Words section headings are made of, in Norwegian (bokmål, nynorsk) and English ads. A short line
 * made only of these ("Kvalifikasjoner", "Ønskede kvalifikasjoner", "Om stillingen", "Vi tilbyr") is
 * a heading; a requirement line ("Erfaring fra patologi vektlegges") always has some other word.
 */
export const HEADING_WORDS = new Set([
  'kvalifikasjoner', 'kvalifikasjonar', 'kvalifikasjonskrav', 'krav', 'ønskede', 'ønskelige', 'ønskja', 'ønskte',
  'ønska', 'faglige', 'faglege', 'formelle', 'formell', 'personlige', 'personlege', 'egenskaper', 'eigenskapar',
  'arbeidsoppgaver', 'arbeidsoppgåver', 'oppgaver', 'oppgåver', 'hovedoppgaver', 'sentrale', 'ansvarsområde',
  'ansvarsområder', 'arbeidsområde', 'arbeidsområder', 'om', 'oss', 'stillingen', 'stillinga', 'jobben',
  'arbeidsplassen', 'arbeidsgiver', 'arbeidsgjevar', 'avdelingen', 'avdelinga', 'virksomheten', 'verksemda',
  'vi', 'me', 'tilbyr', 'tilbyd', 'ønsker', 'ønskjer', 'søker', 'søkjer', 'kan', 'deg', 'du', 'andre',
  'opplysninger', 'opplysningar', 'informasjon', 'utdanning', 'utdanningsretning', 'utdanningsnivå',
  'kompetanse', 'erfaring', 'kontakt', 'kontaktinformasjon', 'kontaktperson', 'kontaktpersoner', 'arbeidssted',
  'arbeidsstad', 'nøkkelinformasjon', 'søknad', 'søknaden', 'søknadsfrist', 'tiltredelse', 'lønn', 'profil',
  'din', 'ditt', 'dine', 'hvem', 'hva', 'kva', 'kven', 'er', 'fakta', 'og', 'til', 'for', 'i', 'å',
  'qualifications', 'requirements', 'responsibilities', 'duties', 'tasks', 'about', 'the', 'job', 'position',
  'role', 'us', 'we', 'offer', 'your', 'you', 'desired', 'preferred', 'required', 'key', 'information', 'contact',
  'benefits', 'skills', 'experience', 'education', 'what', 'who', 'are', 'and', 'other',
]);

/** Whether a single line reads as a section heading ("Kvalifikasjoner", "Ønskede kvalifikasjoner:"):
 * a short line starting with a capital letter, not ending like a sentence, ending in a colon or made
 * only of heading words. */
export function isHeadingLine(line: string): boolean {
  if (line.length > 200) return false; // cheap exit before trimming a long line
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.length > 60) return false;
  const last = trimmed.charCodeAt(trimmed.length - 1);
  if (last === codes.fullStop || last === codes.semicolon || last === codes.exclamation) return false;
  const first = trimmed.charCodeAt(0);
  if (first < 0x80 && !(first >= codes.upperA && first <= codes.upperZ)) return false;
  const colon = last === codes.colon;
  const body = colon ? trimmed.slice(0, -1).trimEnd() : trimmed;
  if (body.length === 0 || body.includes(':') || !/^\p{Lu}/u.test(body)) return false;
  const words = body.toLowerCase().split(/[\s/]+/);
  if (colon && words.length <= 6) return true;
  return words.length <= 5 && words.every((w) => HEADING_WORDS.has(w.replace(/[,&]+$/, '')));
}

/** A heading's level: h1-h6 as written, 3 when unknown (NAV and Webcruiter use h3). */
export function clampLevel(level: number | undefined): number {
  if (level === undefined || !Number.isFinite(level)) return 3;
  return Math.min(6, Math.max(1, Math.round(level)));
}

// ---------------------------------------------------------------------------------------------
// Elements

export const VOID_ELEMENTS = [
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'keygen', 'frame', 'basefont', 'bgsound', 'image',
];

/** Elements whose content is raw text up to their end tag. */
export const RAW_TEXT_ELEMENTS = ['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext'];

/**
 * Elements whose content is never part of the ad text: templates, graphics, embedded objects, media
 * (their fallback text shows only where they cannot play), form controls and their options.
 */
export const DROPPED_ELEMENTS = ['template', 'svg', 'math', 'select', 'option', 'datalist', 'button', 'object', 'canvas', 'video', 'audio', 'head'];

/** Elements that start and end a block of text (a <br> splits one: html.ts and dom-text.ts handle it). */
export const BLOCK_ELEMENTS = [
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'blockquote',
  'pre', 'figure', 'figcaption', 'form', 'fieldset', 'legend', 'address', 'hr', 'br', 'body', 'html', 'details',
  'summary', 'dialog', 'center', 'hgroup', 'menu',
];

/** Elements whose text is skipped with their whole subtree by the DOM reader: no ad text inside. */
export const SKIPPED_ELEMENTS: ReadonlySet<string> = new Set([...RAW_TEXT_ELEMENTS, ...DROPPED_ELEMENTS, ...VOID_ELEMENTS]);

export const BOLD_ELEMENTS = ['strong', 'b'];

/** Heading level given to a short all-bold paragraph ("<p><strong>Kvalifikasjoner</strong></p>"). */
export const BOLD_HEADING_LEVEL = 4;

/** h1-h6: the heading level; 0 for any other element name. */
export function headingLevelOf(name: string): number {
  return name.length === 2 && name.charCodeAt(0) === codes.lowerH && name.charCodeAt(1) >= 0x31 && name.charCodeAt(1) <= 0x36 ? name.charCodeAt(1) - 0x30 : 0;
}

/**
 * Whether a block whose text is all bold reads as a heading: a short paragraph that does not end
 * like a sentence and has nothing after a colon ("Kvalifikasjoner", "Dine oppgaver:"), or a list
 * item that is a heading line.
 */
export function looksLikeBoldHeading(text: string, kind: BlockKind): boolean {
  if (kind === 'heading' || kind === 'title') return false;
  if (text.includes('\n')) return false;
  if (kind === 'list-item') return isHeadingLine(text);
  if (text.length > 100) return false;
  const last = text.charCodeAt(text.length - 1);
  if (last === codes.fullStop || last === codes.semicolon || last === codes.exclamation) return false;
  // No colon, or only white space after the first one.
  const colon = text.indexOf(':');
  if (colon < 0) return true;
  for (let j = colon + 1; j < text.length; j++) if (!isJsSpace(text.charCodeAt(j))) return false;
  return true;
}

/** Whether an inline style hides the element (display: none or visibility: hidden). */
export function isHiddenStyle(style: string): boolean {
  const compact = style.toLowerCase().replace(/\s+/g, '');
  return /(?:^|;)display:none(?:!important)?(?:;|$)/.test(compact) || /(?:^|;)visibility:hidden(?:!important)?(?:;|$)/.test(compact);
}

/** Elements that start a list item (unless inside a heading). */
export const ITEM_ELEMENTS = ['li', 'dt', 'dd'];
