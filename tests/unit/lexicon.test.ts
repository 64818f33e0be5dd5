import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, HAS_CORPUS, NEEDS_CORPUS } from '../helpers/corpus.ts';
import { TITLE_LABELS, findTitles, titleTerms } from '../../shared/lib/lexicon.ts';
import { sourceFromHtml, sourceFromText } from '../../shared/lib/source/index.ts';
import { TITLE_IDS, type TitleId } from '../../shared/lib/types.ts';

const CORPUS = CORPUS_DIR;

/** [title id, exact mention text] pairs, in order. */
function found(text: string): [string, string][] {
  return findTitles(text).mentions.map((m) => [m.title, m.text]);
}

function relatedFound(text: string): [string, string][] {
  return findTitles(text).related.map((m) => [m.title, m.text]);
}

describe('findTitles: forms of the three titles', () => {
  it.each<[string, string, [TitleId, string][]]>([
    ['plain', 'Vi søker helsesekretær.', [['helsesekretaer', 'helsesekretær']]],
    ['capitalised', 'Helsesekretær søkes', [['helsesekretaer', 'Helsesekretær']]],
    ['upper case', 'LEGESEKRETÆR 100 %', [['legesekretaer', 'LEGESEKRETÆR']]],
    ['definite', 'helsesekretæren skal', [['helsesekretaer', 'helsesekretæren']]],
    ['plural', 'to helsesekretærer', [['helsesekretaer', 'helsesekretærer']]],
    ['definite plural', 'helsesekretærene våre', [['helsesekretaer', 'helsesekretærene']]],
    ['nynorsk plural', 'legesekretærar og legesekretærane', [
      ['legesekretaer', 'legesekretærar'],
      ['legesekretaer', 'legesekretærane'],
    ]],
    ['medisinsk sekretær', 'som medisinsk sekretær', [['medisinsk-sekretaer', 'medisinsk sekretær']]],
    ['medisinske sekretærer', 'Vi har fire medisinske sekretærer', [['medisinsk-sekretaer', 'medisinske sekretærer']]],
    ['medisinsk sekretæren', 'den medisinske sekretæren', [['medisinsk-sekretaer', 'medisinske sekretæren']]],
    ['medisinsk over a line break', 'medisinsk\nsekretær', [['medisinsk-sekretaer', 'medisinsk\nsekretær']]],
    ['medisinsk with no-break space', 'medisinsk\u00a0sekretær', [['medisinsk-sekretaer', 'medisinsk\u00a0sekretær']]],
    ['compound: stilling', 'helsesekretærstilling', [['helsesekretaer', 'helsesekretærstilling']]],
    ['compound: vikariat', 'Legesekretærvikariat 50 %', [['legesekretaer', 'Legesekretærvikariat']]],
    ['compound: vikar', 'helsesekretærvikar', [['helsesekretaer', 'helsesekretærvikar']]],
    ['compound: faget', 'Yrkesliv i helsesekretærfaget', [['helsesekretaer', 'helsesekretærfaget']]],
    ['compound: utdanning', 'fullført helsesekretærutdanning', [['helsesekretaer', 'helsesekretærutdanning']]],
    ['slash list', 'helsesekretær/medisinsk sekretær', [
      ['helsesekretaer', 'helsesekretær'],
      ['medisinsk-sekretaer', 'medisinsk sekretær'],
    ]],
    ['slash with space', 'helsesekretær/ kontormedarbeider', [['helsesekretaer', 'helsesekretær']]],
    ['eller list', 'helsesekretær eller medisinsk sekretær', [
      ['helsesekretaer', 'helsesekretær'],
      ['medisinsk-sekretaer', 'medisinsk sekretær'],
    ]],
    ['suspended with eller', 'Helse- eller legesekretær', [
      ['helsesekretaer', 'Helse-'],
      ['legesekretaer', 'legesekretær'],
    ]],
    ['suspended with og', 'helse- og legesekretær', [
      ['helsesekretaer', 'helse-'],
      ['legesekretaer', 'legesekretær'],
    ]],
    ['suspended with og/eller', 'lege- og/eller helsesekretær', [
      ['legesekretaer', 'lege-'],
      ['helsesekretaer', 'helsesekretær'],
    ]],
    ['suspended with slash', 'lege-/helsesekretær', [
      ['legesekretaer', 'lege-'],
      ['helsesekretaer', 'helsesekretær'],
    ]],
    ['suspended chain with comma', 'helse-, lege- eller legesekretærer', [
      ['helsesekretaer', 'helse-'],
      ['legesekretaer', 'lege-'],
      ['legesekretaer', 'legesekretærer'],
    ]],
    ['hyphenated', 'helse-sekretær', [['helsesekretaer', 'helse-sekretær']]],
    ['hyphen and space', 'helse- sekretær', [['helsesekretaer', 'helse- sekretær']]],
    ['hyphen at a line break', 'helse-\nsekretær', [['helsesekretaer', 'helse-\nsekretær']]],
    ['hyphen at a CRLF break mid-word', 'helsesekre-\r\ntærer', [['helsesekretaer', 'helsesekre-\r\ntærer']]],
    ['soft hyphens', 'hel\u00adse\u00adsek\u00adre\u00adtær', [['helsesekretaer', 'hel\u00adse\u00adsek\u00adre\u00adtær']]],
    ['soft hyphen then line break', 'helse\u00ad\nsekretær', [['helsesekretaer', 'helse\u00ad\nsekretær']]],
    ['bare line break inside the word', 'legesekre\ntær', [['legesekretaer', 'legesekre\ntær']]],
    ['zero-width space inside', 'helse\u200bsekretær', [['helsesekretaer', 'helse\u200bsekretær']]],
    ['ASCII ae', 'helsesekretaer', [['helsesekretaer', 'helsesekretaer']]],
    ['ASCII a', 'helsesekretar og legesekretarer', [
      ['helsesekretaer', 'helsesekretar'],
      ['legesekretaer', 'legesekretarer'],
    ]],
    ['ASCII ae, upper case', 'LEGESEKRETAER', [['legesekretaer', 'LEGESEKRETAER']]],
    ['ASCII medisinsk', 'medisinsk sekretaer', [['medisinsk-sekretaer', 'medisinsk sekretaer']]],
    ['abbreviated medisinsk', 'Med. sekretær søkes', [['medisinsk-sekretaer', 'Med. sekretær']]],
    ['abbreviated, no space', 'med.sekretærer', [['medisinsk-sekretaer', 'med.sekretærer']]],
    ['after non-Latin text', 'Медицинский helsesekretær', [['helsesekretaer', 'helsesekretær']]],
    ['split compound', 'Helse sekretær søkes', [['helsesekretaer', 'Helse sekretær']]],
    ['genitive', "legesekretærens oppgaver", [['legesekretaer', 'legesekretærens']]],
    ['in quotes', '«helsesekretær»', [['helsesekretaer', 'helsesekretær']]],
    ['after a digit', '2 helsesekretærer', [['helsesekretaer', 'helsesekretærer']]],
    ['English: medical secretary', 'We need a Medical Secretary.', [['medisinsk-sekretaer', 'Medical Secretary']]],
    ['English: plural', 'medical secretaries', [['medisinsk-sekretaer', 'medical secretaries']]],
    ['English: health secretary', 'health secretary', [['helsesekretaer', 'health secretary']]],
    ['English: health services secretary', 'Health Services Secretary', [['helsesekretaer', 'Health Services Secretary']]],
    ['English: health service secretary', 'a health service secretary', [['helsesekretaer', 'health service secretary']]],
    ["English: physicians' secretary", "physicians' secretary", [['legesekretaer', "physicians' secretary"]]],
    ["English: doctor's secretary", 'doctor’s secretary', [['legesekretaer', 'doctor’s secretary']]],
    ['English: medical-secretary', 'medical-secretary', [['medisinsk-sekretaer', 'medical-secretary']]],
  ])('%s', (_name, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('reports offsets into the original text, exactly', () => {
    const text = 'Før: hel\u00adse\u00adsek\u00adre\u00adtær. Så: medisinsk\n sekretær 😀 og helse- eller legesekretær.';
    const { mentions } = findTitles(text);
    expect(mentions).toHaveLength(4);
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(mentions.map((m) => m.start)).toEqual([...mentions.map((m) => m.start)].sort((a, b) => a - b));
  });

  it('finds every mention in a longer ad, in order', () => {
    const text =
      'Helsesekretær/medisinsk sekretær søkes.\nKrav: autorisasjon som helsesekretær.\n' +
      'Ønskelig: erfaring som legesekretær. Medical secretaries are welcome.';
    expect(found(text).map(([id]) => id)).toEqual([
      'helsesekretaer',
      'medisinsk-sekretaer',
      'helsesekretaer',
      'legesekretaer',
      'medisinsk-sekretaer',
    ]);
  });
});

describe('findTitles: confusables are not matches', () => {
  it.each([
    ['tannhelsesekretær', 'Vi søker tannhelsesekretær'],
    ['tannhelsesekretærer, plural', 'tannhelsesekretærer'],
    ['tannhelsesekretær split at a hyphen', 'tannhelse-sekretær'],
    ['tannhelsesekretær split at a line break', 'tann-\nhelsesekretær'],
    ['tannlegesekretær', 'tannlegesekretær'],
    ['skolesekretær', 'skolesekretær'],
    ['økonomisekretær', 'økonomisekretær'],
    ['plain sekretær', 'sekretær ved servicetorget'],
    ['medisinsk alone', 'medisinsk avdeling'],
    ['medisinsk fagsekretær', 'medisinsk fagsekretær'],
    ['med (with) sekretær', 'erfaring med sekretærarbeid'],
    ['med and other punctuation', 'med; sekretær, med (sekretær), med: sekretær'],
    ['title glued after a non-Latin letter', 'Жhelsesekretær'],
    ['medisinsk, then a new sentence', 'Medisinsk. Sekretær søkes'],
    ['helsesekretariat', 'helsesekretariatet'],
    ['ASCII sekretariat', 'Helsesekretariat'],
    ['overlegesekretær', 'overlegesekretær'],
    ['helse and sekretær far apart', 'helse og sekretær'],
    ['helse, comma, sekretær', 'helse, sekretær'],
    ['new line starting with a capital', 'psykisk helse\nSekretær: Kari'],
    ['NATO secret', 'sikkerhetsklareres til NATO SECRET'],
    ['secretariat', 'medical secretariat'],
    ['suspended part without a title', 'helse- og omsorgssektoren'],
    ['tannhelse suspended', 'tannhelse- og skolesekretær'],
    ['empty', ''],
  ])('%s', (_name, text) => {
    expect(findTitles(text).mentions).toEqual([]);
  });

  it('does not take a suspended tann- for a title', () => {
    expect(found('tannhelse- og legesekretær')).toEqual([['legesekretaer', 'legesekretær']]);
  });
});

describe('findTitles: related hospital titles', () => {
  it.each([
    ['spesialsekretær', 'spesialsekretaer', 'spesialsekretær'],
    ['Spesialsekretærer', 'spesialsekretaer', 'Spesialsekretærer'],
    ['førstesekretær', 'forstesekretaer', 'førstesekretær'],
    ['forstesekretaer', 'forstesekretaer', 'forstesekretaer'],
    ['postsekretær', 'postsekretaer', 'postsekretær'],
    ['kontorfaglig medarbeider', 'kontorfaglig-medarbeider', 'kontorfaglig medarbeider'],
    ['kontorfaglige medarbeidere', 'kontorfaglig-medarbeider', 'kontorfaglige medarbeidere'],
    ['kontorfaglege medarbeidarar', null, null],
  ])('%s', (text, id, mentionText) => {
    const result = findTitles(text);
    expect(result.mentions).toEqual([]);
    expect(relatedFound(text)).toEqual(id ? [[id, mentionText]] : []);
  });

  it('keeps related titles and titles apart in one text', () => {
    const text = 'Spesialsekretær eller helsesekretær, evt. kontorfaglig medarbeider.';
    expect(found(text)).toEqual([['helsesekretaer', 'helsesekretær']]);
    expect(relatedFound(text)).toEqual([
      ['spesialsekretaer', 'Spesialsekretær'],
      ['kontorfaglig-medarbeider', 'kontorfaglig medarbeider'],
    ]);
  });
});

describe('TITLE_LABELS and titleTerms', () => {
  it('labels every title id', () => {
    expect(Object.keys(TITLE_LABELS).sort()).toEqual([...TITLE_IDS].sort());
  });

  it('each Norwegian label and search term is found as its own title', () => {
    for (const id of TITLE_IDS) expect(found(TITLE_LABELS[id].nb)).toEqual([[id, TITLE_LABELS[id].nb]]);
    for (const id of TITLE_IDS) expect(found(TITLE_LABELS[id].en).map(([t]) => t)).toEqual([id]);
    expect(titleTerms().map((term) => found(term).map(([t]) => t))).toEqual(TITLE_IDS.map((id) => [id]));
  });
});

// ---------------------------------------------------------------------------------------------
// Real ads

interface Label {
  id: string;
  titles_mentioned: string[];
}

const NB_TO_ID = new Map(TITLE_IDS.map((id) => [TITLE_LABELS[id].nb, id]));

function titleSet(text: string): string[] {
  return [...new Set(findTitles(text).mentions.map((m) => m.title))].sort();
}

describe.skipIf(!HAS_CORPUS)(`findTitles on the labelled corpus ${NEEDS_CORPUS}`, () => {
  const labels: Label[] = (HAS_CORPUS ? readFileSync(`${CORPUS}/labels.jsonl`, 'utf8') : '')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Label);

  it('has the 28 labelled ads', () => {
    expect(labels).toHaveLength(28);
  });

  it.each(labels.map((l) => [l.id, l] as const))('ad %s gets exactly the labelled title set', (id, label) => {
    const expected = label.titles_mentioned.map((nb) => NB_TO_ID.get(nb)).sort();
    expect(expected).not.toContain(undefined);
    const text = readFileSync(`${CORPUS}/ads/${id}.txt`, 'utf8');
    expect(titleSet(text)).toEqual(expected);
    // The same through the text source the reader uses, and from the HTML as stored.
    expect(titleSet(sourceFromText(text).text)).toEqual(expected);
    const raw = JSON.parse(readFileSync(`${CORPUS}/raw/${id}.json`, 'utf8')) as Record<string, string | null>;
    const html = [raw.title, raw.description_as_stored, raw.employer_description_as_stored]
      .map((part) => sourceFromHtml(part ?? '').text)
      .join('\n');
    expect(titleSet(html)).toEqual(expected);
  });
});

describe.skipIf(!HAS_CORPUS)(`findTitles on the 240-ad pool ${NEEDS_CORPUS}`, () => {
  interface PoolAd {
    cid: string;
    title: string;
    raw_html: string;
  }
  const pool: PoolAd[] = (HAS_CORPUS ? readFileSync(`${CORPUS}/pool.jsonl`, 'utf8') : '')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as PoolAd);
  // An independent, naive check for the titles, to split the pool by content.
  const naive = /helse-?\s*sekret|legesekret|medisinske?\s+sekret|medical\s+secretar/i;
  const targets = pool.filter((ad) => naive.test(ad.title) || naive.test(ad.raw_html));
  const others = pool.filter((ad) => !targets.includes(ad));

  it('has three ads that name a title and 237 that do not', () => {
    expect(pool).toHaveLength(240);
    expect(targets).toHaveLength(3);
    expect(others).toHaveLength(237);
  });

  it('finds nothing in the 237 other ads (HTML and text)', () => {
    const hits = others.flatMap((ad) => {
      const text = `${ad.title}\n${sourceFromHtml(ad.raw_html).text}`;
      return findTitles(text).mentions.map((m) => `${ad.cid}: ${m.text}`);
    });
    expect(hits).toEqual([]);
    const rawHits = others.filter((ad) => findTitles(ad.raw_html).mentions.length > 0).map((ad) => ad.cid);
    expect(rawHits).toEqual([]);
  });

  it('finds helsesekretær in each of the three, and medisinsk sekretær only where it is written', () => {
    for (const ad of targets) {
      const text = `${ad.title}\n${sourceFromHtml(ad.raw_html).text}`;
      const ids = titleSet(text);
      expect(ids).toContain('helsesekretaer');
      expect(ids.includes('medisinsk-sekretaer')).toBe(/medisinsk sekretær/i.test(text));
      expect(ids).not.toContain('legesekretaer');
    }
  });
});
