/**
 * Finds the three titles (helsesekretær, medisinsk sekretær, legesekretær) and the related hospital
 * titles in ad text.
 *
 * Linear time by construction: the text is normalised once (normalize.ts), then a small trie is
 * walked from each word start. A walk is bounded by the longest pattern, and a match skips to the
 * end of its word, so no input can make the matcher go back over text.
 */
import type { Mention, RelatedMention, RelatedTitleId, TitleId } from './types.ts';
import { GAP, IN_WORD_JOINER, normalizeForScan, type SymbolStream } from './normalize.ts';
import type { WorkCounter } from './work.ts';

// Local copies: module bindings may be getters under some loaders, too slow for the hot loop.
const LINK = GAP.link;
const SPACE = GAP.space;
const LINE_BREAK = GAP.lineBreak;
const SLASH = GAP.slash;
const LINK_SLASH = GAP.linkSlash;
const LINK_COMMA = GAP.linkComma;
const FIRST_LETTER = 0x61;

export const TITLE_LABELS: Record<TitleId, { nb: string; en: string }> = {
  helsesekretaer: { nb: 'helsesekretær', en: 'health services secretary' },
  'medisinsk-sekretaer': { nb: 'medisinsk sekretær', en: 'medical secretary' },
  legesekretaer: { nb: 'legesekretær', en: "physicians' secretary" },
};

/** The plain search terms a naive detector would look for. */
export function titleTerms(): string[] {
  return Object.values(TITLE_LABELS).map((label) => label.nb);
}

type Target = { kind: 'title'; id: TitleId; compound: boolean } | { kind: 'related'; id: RelatedTitleId };

// Every title pattern contains "sekret"/"secret", and digits and the marks :;!?()[]{}<>"%&*+=@#$|~^_`\
// never take part in a match or its look-arounds: extension/utils/scan.ts (findTitleMentions) relies on
// both to skip text, and tests/extension/scan.test.ts checks it against findTitles. Keep them true.
const SEKRETAER = ['sekretaer', 'sekretar'];
const SECRETARY = ['secretary', 'secretarie'];

/**
 * Patterns in normalised spelling (æ → ae, ø → oe). A space means "whitespace, or joined by a
 * hyphen / nothing", so "medisinsk sekretær", "medisinsk-sekretær" and "medisinsksekretær" all match;
 * "_" is the same but the whitespace must not break the line (the split compound "helse sekretær",
 * which across lines is more likely "… psykisk helse" + "Sekretær: …").
 * Each pattern matches a word start, and the match runs on to the end of its word: inflections
 * ("helsesekretærane") and compounds with the title first ("helsesekretærstilling") come for free.
 */
const PATTERNS: [string[], Target][] = [
  [cross(['helse'], SEKRETAER, '_'), { kind: 'title', id: 'helsesekretaer', compound: true }],
  [cross(['lege'], SEKRETAER, '_'), { kind: 'title', id: 'legesekretaer', compound: true }],
  [cross(['medisinsk', 'medisinske'], SEKRETAER), { kind: 'title', id: 'medisinsk-sekretaer', compound: false }],
  // The abbreviation "med. sekretær" (never "med sekretær": that is "with a secretary").
  [cross(['med.'], SEKRETAER, ''), { kind: 'title', id: 'medisinsk-sekretaer', compound: false }],
  [cross(['medical'], SECRETARY), { kind: 'title', id: 'medisinsk-sekretaer', compound: false }],
  [cross(['health', 'health service', 'health services'], SECRETARY), { kind: 'title', id: 'helsesekretaer', compound: false }],
  [cross(['physician', 'physicians', 'doctor', 'doctors'], SECRETARY), { kind: 'title', id: 'legesekretaer', compound: false }],
  [SEKRETAER.map((s) => 'spesial' + s), { kind: 'related', id: 'spesialsekretaer' }],
  [cross(['foerste', 'forste'], SEKRETAER, ''), { kind: 'related', id: 'forstesekretaer' }],
  [SEKRETAER.map((s) => 'post' + s), { kind: 'related', id: 'postsekretaer' }],
  [cross(['kontorfaglig', 'kontorfaglige'], ['medarbeid']), { kind: 'related', id: 'kontorfaglig-medarbeider' }],
];

function cross(firsts: string[], seconds: string[], sep = ' '): string[] {
  return firsts.flatMap((f) => seconds.map((s) => f + sep + s));
}

/** All spellings of a pattern with each separator kept or removed; " " also as a line break. */
function spaceVariants(pattern: string): string[] {
  const pieces = pattern.split(/([ _])/);
  let variants = [pieces[0] ?? ''];
  for (let i = 1; i + 1 < pieces.length; i += 2) {
    const word = pieces[i + 1] ?? '';
    const seps = pieces[i] === ' ' ? [' ', '\n', ''] : [' ', ''];
    variants = variants.flatMap((v) => seps.map((sep) => v + sep + word));
  }
  return variants;
}

/**
 * The patterns compiled into a dense transition table over "a"-"z", " ", "\n" and "." (all patterns are
 * ASCII after folding), so a walk step is one array read.
 */
interface Trie {
  /** next[node * ALPHABET + symbol] = child node, 0 for none (the root is never a child). */
  next: Int32Array;
  target: (Target | null)[];
  /** "sekretar" (ASCII spelling) must not go on as "sekretariat". */
  forbidNextI: Uint8Array;
}

const ALPHABET = 29;

function symbolIndex(c: number): number {
  if (c >= 0x61 && c <= 0x7a) return c - 0x61;
  return c === 0x20 ? 26 : c === 0x0a ? 27 : c === 0x2e ? 28 : -1;
}

function buildTrie(): Trie {
  const next: number[] = [];
  const target: (Target | null)[] = [];
  const forbid: number[] = [];
  const addNode = (): number => {
    for (let a = 0; a < ALPHABET; a++) next.push(0);
    target.push(null);
    forbid.push(0);
    return target.length - 1;
  };
  addNode();
  for (const [patterns, t] of PATTERNS) {
    for (const pattern of patterns.flatMap(spaceVariants)) {
      let node = 0;
      for (let i = 0; i < pattern.length; i++) {
        const slot = node * ALPHABET + symbolIndex(pattern.charCodeAt(i));
        node = next[slot] || (next[slot] = addNode());
      }
      target[node] = t;
      forbid[node] = pattern.endsWith('sekretar') || pattern.endsWith('secretar') ? 1 : 0;
    }
  }
  return { next: Int32Array.from(next), target, forbidNextI: Uint8Array.from(forbid) };
}

const TRIE = buildTrie();
// Local copies for the hot loops.
const TRIE_NEXT = TRIE.next;
const TRIE_TARGET = TRIE.target;
/** Per node: 0 no pattern ends here, 1 one does, ACCEPT_UNLESS_I one does unless an "i" follows
 * (TRIE.forbidNextI). Numbers, so that most walk steps load no target object. */
const ACCEPT_UNLESS_I = 2;
const TRIE_ACCEPT = Uint8Array.from(TRIE.target, (t, node) => (t === null ? 0 : TRIE.forbidNextI[node] === 1 ? ACCEPT_UNLESS_I : 1));

/**
 * The transitions again, by symbol code rather than alphabet index: STEP[node * 128 + c] for the
 * symbols below 0x80 (anything above is in no pattern), so that a walk step is one read with no
 * translation of the symbol first. Every node id fits in 16 bits (checked here).
 */
const STEP = new Uint16Array(TRIE_TARGET.length * 0x80);
if (TRIE_TARGET.length > 0xffff) throw new Error('title trie too large for STEP');
{
  const symbols = Array.from({ length: 0x80 }, (_, c) => [c, symbolIndex(c)] as const).filter(([, a]) => a >= 0);
  for (let node = 0; node < TRIE_TARGET.length; node++) {
    for (const [c, a] of symbols) STEP[node * 0x80 + c] = TRIE_NEXT[node * ALPHABET + a]!;
  }
}

function step(node: number, c: number): number {
  return c < 0x80 ? STEP[(node << 7) | c]! : 0;
}

const CONJUNCTIONS = ['og', 'eller', 'samt'];
const OG = ['og'];
/** First parts that a suspended compound may stand for: "helse- og legesekretær". */
const SUSPENDED = new Map<string, TitleId>([
  ['helse', 'helsesekretaer'],
  ['lege', 'legesekretaer'],
]);
const SUSPENDED_WORDS = [...SUSPENDED.keys()];
/** "tann-helsesekretær" is still tannhelsesekretær. */
const CONFUSABLE_FIRST_PARTS = ['tann'];

/**
 * Every pattern spells "sekret"/"secret" (the titles and three related ones) or "medarbeid"
 * (kontorfaglig medarbeider), letters that normalize.ts may find split by what it skips inside a
 * word: ignorable characters, apostrophes, hyphens and white space (a link gap). Text in which no
 * such spelling occurs has no mention, so findTitles returns before normalising it: one native
 * scan instead of the symbol stream for the many pages (and hostile inputs) without a title.
 */
const ANCHOR = new RegExp(
  [
    ['s', 'e', '[kc]', 'r', 'e', 't'],
    ['m', 'e', 'd', 'a', 'r', 'b', 'e', 'i', 'd'],
  ]
    .map((letters) => letters.join(IN_WORD_JOINER))
    .join('|'),
  'i',
);

/**
 * Every mention of the three titles, and of the related hospital titles, with offsets into `text`.
 * Both lists are in text order and never overlap. A suspended part ("helse-" in "helse- og
 * legesekretær") is a mention of its own title.
 */
export function findTitles(text: string, work?: WorkCounter): { mentions: Mention[]; related: RelatedMention[] } {
  const mentions: Mention[] = [];
  const related: RelatedMention[] = [];
  // Work counter: the pre-filter's regex reads the text once.
  if (work) work.steps += text.length;
  if (!ANCHOR.test(text)) return { mentions, related };
  const stream = normalizeForScan(text);
  const { symbols, origin, length } = stream;
  const state: ScanState = { last: -1, steps: text.length + length };

  // Titles repeat (an ad names its title several times, a listing page once per ad): a mention
  // spelled as the one before reuses its string, checked in place, instead of slicing a new one.
  // Pages dense with titles then keep one object per mention rather than two.
  let lastText = '';
  // k only ever lands on a gap symbol or on the first letter of a word: a word that starts no
  // match is skipped whole (its other letters start nothing).
  let k = 0;
  while (k < length) {
    state.steps++;
    const c = symbols[k]!;
    if (c < FIRST_LETTER) {
      k++;
      continue;
    }
    const t = step(0, c) === 0 ? null : walk(symbols, length, k, state);
    if (!t || (symbols[k - 1] === LINK && confusableBefore(stream, k, state))) {
      const wordStart = k;
      k++;
      while (k < length && symbols[k]! >= FIRST_LETTER) k++;
      state.steps += k - wordStart;
      continue;
    }
    const wordEnd = endOfWord(stream, state.last);
    state.steps += wordEnd - k;
    const start = origin[k]!;
    const end = origin[wordEnd]! + 1;
    if (t.kind === 'title') {
      if (t.compound) addSuspended(stream, text, k, mentions, state);
      if (lastText.length !== end - start || !text.startsWith(lastText, start)) lastText = text.slice(start, end);
      mentions.push({ title: t.id, start, end, text: lastText });
    } else {
      related.push({ title: t.id, start, end, text: text.slice(start, end) });
    }
    k = wordEnd + 1;
  }
  if (work) work.steps += state.steps;
  return { mentions, related };
}

/** One findTitles scan's state: where the last walk's match ends (its last symbol; walk returns
 * only the target, to allocate nothing) and the symbols looked at so far (work counter). */
interface ScanState {
  last: number;
  steps: number;
}

/** Longest pattern from word start k; link symbols inside words are skipped. Sets state.last. */
function walk(symbols: Uint16Array, length: number, k: number, state: ScanState): Target | null {
  let node = 0;
  let best: Target | null = null;
  let j = k;
  for (; j < length; j++) {
    const c = symbols[j]!;
    if (c === LINK && j > k) continue;
    node = step(node, c);
    if (node === 0) break;
    const accept = TRIE_ACCEPT[node]!;
    if (accept !== 0 && !(accept === ACCEPT_UNLESS_I && nextLetter(symbols, j + 1, length) === 0x69)) {
      best = TRIE_TARGET[node]!;
      state.last = j;
    }
  }
  state.steps += j - k;
  return best;
}

function nextLetter(symbols: Uint16Array, j: number, length: number): number {
  if (j < length && symbols[j] === LINK) j++;
  return j < length ? symbols[j]! : -1;
}

function endOfWord({ symbols, length }: SymbolStream, j: number): number {
  while (j + 1 < length && symbols[j + 1]! >= FIRST_LETTER) j++;
  return j;
}

/** Whether symbols[start..end] (inclusive) spell `word`. */
function spells(symbols: Uint16Array, start: number, end: number, word: string): boolean {
  if (end - start + 1 !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (symbols[start + i] !== word.charCodeAt(i)) return false;
  return true;
}

/** The word among `words` that the part ending at `end` spells, with its start. */
function partSpelling(symbols: Uint16Array, end: number, words: readonly string[], state: ScanState): { start: number; word: string } | null {
  if (end < 0) return null;
  state.steps += words.length;
  // The part must end in the last letter of one of the words: a cheap test before spelling.
  const last = symbols[end];
  let ends = false;
  for (const word of words) if (word.charCodeAt(word.length - 1) === last) ends = true;
  if (!ends) return null;
  // Each word is spelled backwards from `end` (not the whole part first: a long word before a
  // gap, as in a page of titles, would be walked for nothing); the part must start where it does.
  for (const word of words) {
    const start = end - word.length + 1;
    if (start < 0 || (start > 0 && symbols[start - 1]! >= FIRST_LETTER)) continue;
    state.steps += word.length;
    if (spells(symbols, start, end, word)) return { start, word };
  }
  return null;
}

function confusableBefore({ symbols }: SymbolStream, k: number, state: ScanState): boolean {
  return partSpelling(symbols, k - 2, CONFUSABLE_FIRST_PARTS, state) !== null;
}

/**
 * Before a compound title at symbol k, finds suspended first parts: "helse- og legesekretær",
 * "lege-/helsesekretær", "helse-, lege- eller legesekretær". Each becomes a mention spanning "helse-",
 * added in text order (they all lie between the previous match and k).
 */
function addSuspended(stream: SymbolStream, text: string, k: number, mentions: Mention[], state: ScanState): void {
  const { symbols, origin } = stream;
  // Most titles have no suspended part before them: leave before allocating anything.
  const gap = k >= 2 ? symbols[k - 1] : -1;
  if (gap !== LINK_SLASH && gap !== SPACE && gap !== LINE_BREAK && gap !== LINK) return;
  let found: Mention[] | null = null;
  let at = k; // start of the word the next suspended part must precede
  for (let guard = 0; guard < 6 && at >= 2; guard++) {
    const gapBefore = symbols[at - 1];
    let hyphenAt: number;
    if (gapBefore === LINK_SLASH || (guard > 0 && gapBefore === LINK_COMMA)) {
      hyphenAt = at - 1;
    } else if (gapBefore === SPACE || gapBefore === LINE_BREAK || gapBefore === LINK) {
      let conj = partSpelling(symbols, at - 2, CONJUNCTIONS, state);
      if (!conj) break;
      if (conj.word === 'eller' && conj.start >= 2 && symbols[conj.start - 1] === SLASH) {
        conj = partSpelling(symbols, conj.start - 2, OG, state) ?? conj; // "og/eller"
      }
      if (conj.start < 2 || symbols[conj.start - 1] !== LINK) break;
      hyphenAt = conj.start - 1;
    } else {
      break;
    }
    const part = partSpelling(symbols, hyphenAt - 1, SUSPENDED_WORDS, state);
    if (!part || (part.start > 0 && symbols[part.start - 1] === LINK)) break;
    const start = origin[part.start]!;
    const end = origin[hyphenAt]! + 1;
    (found ??= []).push({ title: SUSPENDED.get(part.word)!, start, end, text: text.slice(start, end) });
    at = part.start;
  }
  if (found) for (let i = found.length - 1; i >= 0; i--) mentions.push(found[i]!);
}
