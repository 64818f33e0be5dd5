/**
 * Turns plain text, HTML or DOM-derived blocks into an AdSource: the visible ad text as blocks in
 * reading order, plus any schema.org JobPosting objects. Pure TypeScript, no DOM; every pass is
 * linear in the input, so a hostile page cannot stall the reader.
 */
import type { AdSource, Block, BlockKind } from './types.ts';

export interface BlockInput {
  kind: BlockKind;
  level?: number;
  text: string;
}

// ---------------------------------------------------------------------------------------------
// Blocks → AdSource

/**
 * Joins blocks with "\n" into AdSource.text. Block text is trimmed, line endings become "\n" and
 * runs of spaces collapse; empty blocks are dropped.
 */
export function sourceFromBlocks(blocks: BlockInput[], jobPostings: unknown[] = []): AdSource {
  return joinBlocks(blocks, jobPostings, true);
}

/** `clean` is off for blocks this module built itself (already trimmed and collapsed). */
function joinBlocks(blocks: BlockInput[], jobPostings: unknown[], clean: boolean): AdSource {
  const out: Block[] = [];
  const parts: string[] = [];
  let offset = 0;
  for (const block of blocks) {
    const text = clean ? cleanBlockText(block.text) : block.text;
    if (text === '') continue;
    if (parts.length > 0) offset += 1; // the joining "\n"
    const level = block.kind === 'heading' ? clampLevel(block.level) : 0;
    out.push({ kind: block.kind, level, start: offset, end: offset + text.length });
    parts.push(text);
    offset += text.length;
  }
  return { text: parts.join('\n'), blocks: out, jobPostings: [...jobPostings] };
}

function cleanBlockText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\f\v]+/g, ' ')
    .replace(/ ?\n[ \n]*/g, '\n')
    .trim();
}

function clampLevel(level: number | undefined): number {
  if (level === undefined || !Number.isFinite(level)) return 3;
  return Math.min(6, Math.max(1, Math.round(level)));
}

// ---------------------------------------------------------------------------------------------
// Plain text

/** Heading level given to headings recognised by their wording (NAV and Webcruiter use h3). */
const INFERRED_HEADING_LEVEL = 3;

const LIST_MARKER = /^(?:[-–•*·▪●◦]|\d{1,2}[.)])[ \t\u00a0]+/;
/** In HTML only bullets count: a paragraph starting "2. " is more often a date or an ordinal. */
const BULLET_MARKER = /^[-–•*·▪●◦] /;

/**
 * Words section headings are made of, in Norwegian (bokmål, nynorsk) and English ads. A short line
 * made only of these ("Kvalifikasjoner", "Ønskede kvalifikasjoner", "Om stillingen", "Vi tilbyr") is
 * a heading; a requirement line ("Erfaring fra patologi vektlegges") always has some other word.
 */
const HEADING_WORDS = new Set([
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

/** Whether a single line reads as a section heading ("Kvalifikasjoner", "Ønskede kvalifikasjoner:"). */
export function isHeadingLine(line: string): boolean {
  if (line.length > 200) return false; // cheap exit before trimming a long line
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > 60) return false;
  const last = trimmed.charCodeAt(trimmed.length - 1);
  if (last === 0x2e || last === 0x3b || last === 0x21) return false; // . ; !
  const body = trimmed.endsWith(':') ? trimmed.slice(0, -1).trimEnd() : trimmed;
  if (body.length === 0 || body.includes(':') || !/^\p{Lu}/u.test(body)) return false;
  const words = body.toLowerCase().split(/[\s/]+/);
  if (trimmed.endsWith(':') && words.length <= 6) return true;
  return words.length <= 5 && words.every((w) => HEADING_WORDS.has(w.replace(/[,&]+$/, '')));
}

/**
 * Plain text: blank lines separate paragraphs; "- ", "• ", "* " (and "1. ") start list items;
 * heading-like lines become headings. A short first line followed by a blank line is the ad title
 * (the layout of copied ads and of the corpus: title, blank line, description).
 */
export function sourceFromText(text: string): AdSource {
  const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/);
  const blocks: BlockInput[] = [];
  let current: BlockInput | null = null;
  const flush = (): void => {
    if (current) blocks.push(current);
    current = null;
  };
  // The first block, if it is a one-line paragraph that a blank line ends.
  let titleCandidate: BlockInput | null = null;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') {
      const c = current as BlockInput | null;
      if (c && blocks.length === 0 && c.kind === 'paragraph' && !c.text.includes('\n')) titleCandidate = c;
      flush();
      continue;
    }
    const marker = LIST_MARKER.exec(line);
    if (marker) {
      flush();
      current = { kind: 'list-item', text: line.slice(marker[0].length) };
      continue;
    }
    if (isHeadingLine(line)) {
      flush();
      blocks.push({ kind: 'heading', level: INFERRED_HEADING_LEVEL, text: line });
      continue;
    }
    const c = current as BlockInput | null;
    if (c && (c.kind === 'paragraph' || (c.kind === 'list-item' && /^\s/.test(raw)))) {
      c.text += '\n' + line;
    } else {
      flush();
      current = { kind: 'paragraph', text: line };
    }
  }
  flush();
  if (titleCandidate && blocks.length > 1 && titleCandidate.text.length <= 150) titleCandidate.kind = 'title';
  // Lines are trimmed; inside them the text stays as written, so evidence quotes it verbatim.
  return joinBlocks(blocks, [], false);
}

// ---------------------------------------------------------------------------------------------
// HTML

const VOID_ELEMENTS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'keygen', 'frame', 'basefont', 'bgsound', 'image',
]);

/** Elements whose content is raw text up to their end tag. */
const RAW_TEXT_ELEMENTS = new Set([
  'script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext',
]);

/** Elements whose content is never part of the ad text. */
const DROPPED_ELEMENTS = new Set(['template', 'svg', 'math', 'select', 'object', 'canvas', 'head', 'datalist']);

const BLOCK_ELEMENTS = new Set([
  'p', 'div', 'section', 'article', 'header', 'footer', 'main', 'aside', 'nav', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'blockquote',
  'pre', 'figure', 'figcaption', 'form', 'fieldset', 'legend', 'address', 'hr', 'br', 'body', 'html', 'details',
  'summary', 'center', 'hgroup', 'menu', 'option', 'button', 'label',
]);

const HEADING_LEVELS = new Map([
  ['h1', 1],
  ['h2', 2],
  ['h3', 3],
  ['h4', 4],
  ['h5', 5],
  ['h6', 6],
]);

const BOLD_ELEMENTS = new Set(['strong', 'b']);

interface OpenElement {
  name: string;
  kind: BlockKind;
  level: number;
  hidden: boolean;
  bold: number;
}

interface Tag {
  name: string;
  end: boolean;
  /** Only the attributes in WANTED_ATTRIBUTES. */
  attrs: ReadonlyMap<string, string>;
  /** Index just after the tag's ">". */
  next: number;
}

/** Heading level for a short all-bold paragraph ("<p><strong>Kvalifikasjoner</strong></p>"). */
const BOLD_HEADING_LEVEL = 4;

/**
 * Tolerant HTML → AdSource. Headings, list items and paragraphs become blocks; <br> splits a
 * paragraph (inside a list item it becomes a line break); hidden and non-visible content is dropped;
 * JSON-LD JobPosting objects are collected.
 */
export function sourceFromHtml(html: string): AdSource {
  const blocks: BlockInput[] = [];
  const jobPostings: unknown[] = [];
  const root: OpenElement = { name: '#root', kind: 'paragraph', level: 0, hidden: false, bold: 0 };
  const stack: OpenElement[] = [root];
  const openCount = new Map<string, number>();

  let text = '';
  let endsWithNewline = false;
  let pendingSpace = false;
  let blockKind: BlockKind = 'paragraph';
  let blockLevel = 0;
  let allBold = true;

  const top = (): OpenElement => stack[stack.length - 1] ?? root;

  const flush = (): void => {
    if (endsWithNewline) text = text.slice(0, -1);
    if (text !== '') {
      let kind = blockKind;
      let level = blockLevel;
      const marker = kind === 'paragraph' ? BULLET_MARKER.exec(text) : null;
      if (marker) {
        // Lists typed as lines of "- item" (Webcruiter does this with <br>).
        kind = 'list-item';
        text = text.slice(marker[0].length);
      } else if (allBold && looksLikeBoldHeading(text, kind)) {
        kind = 'heading';
        level = BOLD_HEADING_LEVEL;
      }
      if (text !== '') blocks.push({ kind, level, text });
    }
    text = '';
    endsWithNewline = false;
    pendingSpace = false;
    allBold = true;
  };

  const appendText = (raw: string): void => {
    const el = top();
    if (el.hidden) return;
    const collapsed = decodeEntities(raw).replace(/[\t\n\f\r \u00a0]+/g, ' ');
    if (collapsed === '') return;
    const lead = collapsed.charCodeAt(0) === 0x20;
    const trail = collapsed.length > 1 && collapsed.charCodeAt(collapsed.length - 1) === 0x20;
    const core = collapsed.trim();
    if (lead && text !== '' && !endsWithNewline) pendingSpace = true;
    if (core === '') return;
    if (text === '') {
      blockKind = el.kind;
      blockLevel = el.level;
    } else if (pendingSpace) {
      text += ' ';
    }
    text += core;
    endsWithNewline = false;
    pendingSpace = trail;
    if (el.bold === 0) allBold = false;
  };

  const lineBreak = (): void => {
    const el = top();
    if (el.hidden) return;
    if (el.kind === 'list-item') {
      if (text !== '' && !endsWithNewline) text += '\n';
      endsWithNewline = text !== '';
      pendingSpace = false;
    } else if (el.kind === 'heading') {
      if (text !== '') pendingSpace = true;
    } else {
      flush();
    }
  };

  const push = (tag: Tag): void => {
    const parent = top();
    let kind = parent.kind;
    let level = parent.level;
    const headingLevel = HEADING_LEVELS.get(tag.name);
    if (headingLevel !== undefined) {
      kind = 'heading';
      level = headingLevel;
    } else if (tag.name === 'li' || tag.name === 'dt' || tag.name === 'dd') {
      if (parent.kind !== 'heading') {
        kind = 'list-item';
        level = 0;
      }
    }
    const hidden = parent.hidden || DROPPED_ELEMENTS.has(tag.name) || isHiddenByAttributes(tag.attrs);
    const bold = parent.bold + (BOLD_ELEMENTS.has(tag.name) ? 1 : 0);
    stack.push({ name: tag.name, kind, level, hidden, bold });
    openCount.set(tag.name, (openCount.get(tag.name) ?? 0) + 1);
  };

  const popTo = (name: string): void => {
    if ((openCount.get(name) ?? 0) === 0) return;
    while (stack.length > 1) {
      const el = stack.pop()!;
      openCount.set(el.name, (openCount.get(el.name) ?? 1) - 1);
      if (el.name === name) return;
    }
  };

  const n = html.length;
  let i = 0;
  // Text runs from textFrom up to the next real tag; a "<" that starts no tag stays in the run.
  let textFrom = 0;
  let searchFrom = 0;
  while (i < n) {
    const lt = html.indexOf('<', searchFrom);
    if (lt < 0) break;
    const next = html.charCodeAt(lt + 1);
    let resume: number;
    let tag: Tag | null = null;
    if (next === 0x21 /* ! */) {
      const isComment = html.startsWith('<!--', lt);
      const close = html.indexOf(isComment ? '-->' : '>', lt + 2);
      resume = close < 0 ? n : close + (isComment ? 3 : 1);
    } else if (next === 0x3f /* ? */) {
      const close = html.indexOf('>', lt + 2);
      resume = close < 0 ? n : close + 1;
    } else {
      tag = parseTag(html, lt);
      if (!tag) {
        searchFrom = lt + 1;
        continue;
      }
      resume = tag.next;
    }
    if (lt > textFrom) appendText(html.slice(textFrom, lt));
    i = resume;
    textFrom = resume;
    searchFrom = resume;
    if (!tag) continue;
    const { name } = tag;
    if (tag.end) {
      if (name === 'br') {
        lineBreak();
        continue;
      }
      if (BLOCK_ELEMENTS.has(name)) flush();
      popTo(name);
      continue;
    }
    if (name === 'br') {
      lineBreak();
      continue;
    }
    if (RAW_TEXT_ELEMENTS.has(name)) {
      // Never ad text: scripts, styles, the tab title, noscript (inactive with scripting on).
      const close = findEndTag(html, tag.next, name);
      if (name === 'script' && isJsonLdType(tag.attrs.get('type'))) {
        collectJobPostings(html.slice(tag.next, close.start), jobPostings);
      }
      i = close.next;
      textFrom = i;
      searchFrom = i;
      continue;
    }
    if (name === 'body') popTo('head'); // a <head> left open ends where the body starts
    if (BLOCK_ELEMENTS.has(name)) {
      flush();
      // An open <p> cannot contain blocks; an open <li> ends at the next <li>.
      if (top().name === 'p' && name !== 'br') popTo('p');
      if ((name === 'li' && top().name === 'li') || ((name === 'dt' || name === 'dd') && (top().name === 'dt' || top().name === 'dd'))) {
        popTo(top().name);
      }
    }
    // Void elements carry no text (an img alt is usually a logo name). A "/>" on other elements
    // is ignored, as browsers do.
    if (VOID_ELEMENTS.has(name)) continue;
    push(tag);
  }
  if (textFrom < n) appendText(html.slice(textFrom));
  flush();
  return joinBlocks(blocks, jobPostings, false);
}

function looksLikeBoldHeading(text: string, kind: BlockKind): boolean {
  if (kind === 'heading' || kind === 'title') return false;
  if (text.includes('\n')) return false;
  if (kind === 'list-item') return isHeadingLine(text);
  return text.length <= 100 && !/[.;!]$/.test(text) && !/:\s*\S/.test(text);
}

function isHiddenByAttributes(attrs: ReadonlyMap<string, string>): boolean {
  if (attrs.size === 0) return false;
  if (attrs.has('hidden')) return true;
  if ((attrs.get('aria-hidden') ?? '').trim().toLowerCase() === 'true') return true;
  const style = attrs.get('style');
  if (style !== undefined) {
    const compact = style.toLowerCase().replace(/\s+/g, '');
    if (/(?:^|;)display:none(?:!important)?(?:;|$)/.test(compact)) return true;
    if (/(?:^|;)visibility:hidden(?:!important)?(?:;|$)/.test(compact)) return true;
  }
  return false;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isHtmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
}

/** The attributes the reader looks at; others are skipped without being stored. */
const WANTED_ATTRIBUTES = new Set(['hidden', 'aria-hidden', 'style', 'type']);
const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();

/**
 * Parses a start or end tag at html[at] === "<". Returns null when "<" does not start a tag (it
 * is then text). A tag with no closing ">" runs to the end of the input, as in browsers.
 */
function parseTag(html: string, at: number): Tag | null {
  const n = html.length;
  let i = at + 1;
  let end = false;
  if (html.charCodeAt(i) === 0x2f) {
    end = true;
    i++;
  }
  if (!isAsciiLetter(html.charCodeAt(i))) {
    if (end) {
      // "</>" or "</ 3" — a bogus comment up to ">".
      const close = html.indexOf('>', i);
      return { name: '#bogus', end: true, attrs: NO_ATTRIBUTES, next: close < 0 ? n : close + 1 };
    }
    return null;
  }
  const nameStart = i;
  while (i < n) {
    const c = html.charCodeAt(i);
    if (isHtmlSpace(c) || c === 0x2f || c === 0x3e) break;
    i++;
  }
  const name = html.slice(nameStart, i).toLowerCase();
  let attrs: Map<string, string> | null = null;
  while (i < n) {
    let c = html.charCodeAt(i);
    if (isHtmlSpace(c)) {
      i++;
      continue;
    }
    if (c === 0x3e) {
      return { name, end, attrs: attrs ?? NO_ATTRIBUTES, next: i + 1 };
    }
    if (c === 0x2f) {
      // "/>" closes nothing in HTML: browsers ignore the slash.
      i++;
      continue;
    }
    // Attribute name.
    const attrStart = i;
    i++;
    while (i < n) {
      c = html.charCodeAt(i);
      if (isHtmlSpace(c) || c === 0x2f || c === 0x3e || c === 0x3d) break;
      i++;
    }
    const attrName = html.slice(attrStart, i).toLowerCase();
    while (i < n && isHtmlSpace(html.charCodeAt(i))) i++;
    let value = '';
    if (html.charCodeAt(i) === 0x3d) {
      i++;
      while (i < n && isHtmlSpace(html.charCodeAt(i))) i++;
      const q = html.charCodeAt(i);
      if (q === 0x22 || q === 0x27) {
        const close = html.indexOf(q === 0x22 ? '"' : "'", i + 1);
        const valueEnd = close < 0 ? n : close;
        value = html.slice(i + 1, valueEnd);
        i = close < 0 ? n : close + 1;
      } else {
        const valueStart = i;
        while (i < n) {
          c = html.charCodeAt(i);
          if (isHtmlSpace(c) || c === 0x3e) break;
          i++;
        }
        value = html.slice(valueStart, i);
      }
    }
    if (!end && WANTED_ATTRIBUTES.has(attrName) && !attrs?.has(attrName)) {
      attrs ??= new Map();
      attrs.set(attrName, decodeEntities(value));
    }
  }
  return { name, end, attrs: attrs ?? NO_ATTRIBUTES, next: n };
}

/** Finds "</name" (any case) from `from`; returns where the content ends and where parsing resumes. */
function findEndTag(html: string, from: number, name: string): { start: number; next: number } {
  let at = from;
  for (;;) {
    const lt = html.indexOf('</', at);
    if (lt < 0) return { start: html.length, next: html.length };
    const after = lt + 2 + name.length;
    if (html.slice(lt + 2, after).toLowerCase() === name) {
      const c = html.charCodeAt(after);
      if (Number.isNaN(c) || isHtmlSpace(c) || c === 0x2f || c === 0x3e) {
        const close = html.indexOf('>', after);
        return { start: lt, next: close < 0 ? html.length : close + 1 };
      }
    }
    at = lt + 2;
  }
}

// ---------------------------------------------------------------------------------------------
// Entities

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad',
  aelig: 'æ', AElig: 'Æ', oslash: 'ø', Oslash: 'Ø', aring: 'å', Aring: 'Å',
  auml: 'ä', Auml: 'Ä', ouml: 'ö', Ouml: 'Ö', uuml: 'ü', Uuml: 'Ü', szlig: 'ß',
  eacute: 'é', Eacute: 'É', egrave: 'è', Egrave: 'È', ecirc: 'ê', aacute: 'á', Aacute: 'Á', agrave: 'à',
  acirc: 'â', oacute: 'ó', Oacute: 'Ó', ograve: 'ò', ocirc: 'ô', iacute: 'í', uacute: 'ú', ccedil: 'ç',
  ntilde: 'ñ', atilde: 'ã', otilde: 'õ', euml: 'ë', iuml: 'ï',
  ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„',
  laquo: '«', raquo: '»', bull: '•', middot: '·', copy: '©', reg: '®', trade: '™', euro: '€', pound: '£',
  cent: '¢', yen: '¥', deg: '°', sect: '§', para: '¶', times: '×', divide: '÷', plusmn: '±', frac12: '½',
  frac14: '¼', frac34: '¾', sup2: '²', sup3: '³', micro: 'µ', iexcl: '¡', iquest: '¿', ordf: 'ª', ordm: 'º',
  zwj: '\u200d', zwnj: '\u200c', lrm: '\u200e', rlm: '\u200f', ensp: '\u2002', emsp: '\u2003',
  thinsp: '\u2009', hyphen: '‐', dash: '‐', minus: '−', larr: '←', rarr: '→', check: '✓',
  Tab: '\t', NewLine: '\n', excl: '!', num: '#', percnt: '%', lpar: '(', rpar: ')', ast: '*', plus: '+',
  comma: ',', period: '.', sol: '/', colon: ':', semi: ';', equals: '=', quest: '?', commat: '@',
  lsqb: '[', rsqb: ']', lowbar: '_', lcub: '{', rcub: '}', verbar: '|',
};

/** Entities browsers also accept without the ";". */
const LEGACY_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp', 'shy', 'aelig', 'AElig', 'oslash', 'Oslash', 'aring', 'Aring', 'copy', 'reg']);

/** Windows-1252 meanings of the C1 range, which numeric references map to (HTML spec). */
const WINDOWS_1252: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
  0x88: 0x02c6, 0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018,
  0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc,
  0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a, 0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

function decodeNumeric(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  const mapped = WINDOWS_1252[code];
  return String.fromCodePoint(mapped ?? code);
}

/** Decodes character references. Unknown ones stay as written. Linear: one indexOf walk. */
export function decodeEntities(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let from = 0; // s[from, amp) is not yet copied to out
  while (amp >= 0) {
    let i = amp + 1;
    let decoded: string | null = null;
    if (s.charCodeAt(i) === 0x23 /* # */) {
      i++;
      const hex = s.charCodeAt(i) === 0x78 || s.charCodeAt(i) === 0x58;
      if (hex) i++;
      const digitsStart = i;
      let code = 0;
      while (i < s.length) {
        const c = s.charCodeAt(i);
        const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : hex && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66 ? (c | 0x20) - 0x57 : -1;
        if (d < 0) break;
        code = Math.min(0x110000, code * (hex ? 16 : 10) + d);
        i++;
      }
      if (i > digitsStart) {
        decoded = decodeNumeric(code);
        if (s.charCodeAt(i) === 0x3b) i++;
      }
    } else {
      const nameStart = i;
      while (i < s.length && i - nameStart < 32 && isAlnum(s.charCodeAt(i))) i++;
      if (i > nameStart) {
        const name = s.slice(nameStart, i);
        if (s.charCodeAt(i) === 0x3b && Object.hasOwn(NAMED_ENTITIES, name)) {
          decoded = NAMED_ENTITIES[name] ?? null;
          i++;
        } else if (LEGACY_ENTITIES.has(name)) {
          decoded = NAMED_ENTITIES[name] ?? null;
        }
      }
    }
    if (decoded !== null) {
      out += s.slice(from, amp) + decoded;
      from = i;
    }
    amp = s.indexOf('&', decoded === null ? amp + 1 : i);
  }
  return out + s.slice(from);
}

function isAlnum(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0x30 && c <= 0x39);
}

// ---------------------------------------------------------------------------------------------
// JSON-LD

function isJsonLdType(type: string | undefined): boolean {
  return type !== undefined && type.trim().toLowerCase().startsWith('application/ld+json');
}

function collectJobPostings(content: string, into: unknown[]): void {
  const trimmed = content
    .trim()
    .replace(/^(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)$/, '')
    .trim();
  let data: unknown;
  try {
    data = JSON.parse(trimmed);
  } catch {
    return;
  }
  visitJsonLd(data, into, 0);
}

function isJobPostingType(type: unknown): boolean {
  if (typeof type === 'string') return /(?:^|[/:#])JobPosting$/.test(type);
  return Array.isArray(type) && type.some(isJobPostingType);
}

function visitJsonLd(value: unknown, into: unknown[], depth: number): void {
  if (depth > 6 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) visitJsonLd(item, into, depth + 1);
    return;
  }
  const obj = value as Record<string, unknown>;
  if (isJobPostingType(obj['@type'])) {
    into.push(obj);
    return;
  }
  for (const key of ['@graph', 'mainEntity', 'itemListElement', 'item']) {
    if (key in obj) visitJsonLd(obj[key], into, depth + 1);
  }
}

// ---------------------------------------------------------------------------------------------
// Detection

const HTML_TAG_NAMES = new Set([
  'html', 'head', 'body', 'p', 'div', 'br', 'ul', 'ol', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'span',
  'strong', 'b', 'em', 'i', 'u', 'a', 'table', 'tr', 'td', 'th', 'section', 'article', 'script', 'meta',
  'main', 'header', 'footer', 'img', 'hr', 'title', 'style', 'link', 'small', 'sup', 'sub', 'font', 'center',
  'dl', 'dt', 'dd', 'blockquote', 'pre', 'nav', 'aside', 'figure', 'label', 'input', 'form', 'button',
]);

/** Whether the input is HTML: a doctype, a comment, or a known tag that is closed by ">". */
export function looksLikeHtml(input: string): boolean {
  let at = input.indexOf('<');
  let nextGt = -2;
  while (at >= 0) {
    if (input.startsWith('<!--', at) || /^<!doctype/i.test(input.slice(at, at + 9))) return true;
    let i = at + 1;
    if (input.charCodeAt(i) === 0x2f) i++;
    const nameStart = i;
    while (i < input.length && i - nameStart < 12 && isAlnum(input.charCodeAt(i))) i++;
    const name = input.slice(nameStart, i).toLowerCase();
    const c = input.charCodeAt(i);
    if (HTML_TAG_NAMES.has(name) && (isHtmlSpace(c) || c === 0x2f || c === 0x3e)) {
      if (nextGt !== -1 && nextGt < i) nextGt = input.indexOf('>', i);
      if (nextGt >= 0) return true;
      return false; // no ">" anywhere after this point
    }
    at = input.indexOf('<', at + 1);
  }
  return false;
}

/** HTML by content, else plain text. */
export function sourceFromInput(input: string): AdSource {
  return looksLikeHtml(input) ? sourceFromHtml(input) : sourceFromText(input);
}
