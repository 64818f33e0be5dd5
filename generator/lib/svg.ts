/**
 * A route's steps as an inline SVG flow diagram (top to bottom, so it stays readable on a phone):
 * one box per step with its LK20 codes, arrows between, and a final box for the outcome.
 * Static markup only; colours come from the page's CSS (classes), so dark mode and print work.
 */
import type { Route } from '../../shared/index.ts';
import type { Element } from 'hast';
import { s } from './html.ts';

const WIDTH = 320;
const BOX_X = 20;
const BOX_WIDTH = WIDTH - 2 * BOX_X;
const LINE_HEIGHT = 18;
const CODE_LINE_HEIGHT = 16;
const PADDING = 12;
const GAP = 34;
const CHARS_PER_LINE = 27;
/** Subject codes are set smaller, so more fit on a line. */
const CODE_CHARS_PER_LINE = 36;

interface Box {
  lines: string[];
  codes: string[];
  kind: 'step' | 'outcome' | 'no-outcome';
}

/** Greedy word wrap; a single overlong word gets a line of its own. */
export function wrap(text: string, width = CHARS_PER_LINE): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function boxHeight(box: Box): number {
  const codeLines = wrap(box.codes.join(', '), CODE_CHARS_PER_LINE).length;
  return 2 * PADDING + box.lines.length * LINE_HEIGHT + codeLines * CODE_LINE_HEIGHT;
}

/** Plain-text description of the diagram (its <desc>), also used by tests. */
export function describeRoute(route: Route): string {
  const steps = route.steps.map((s, i) => {
    const codes = s.subjectCodes.length ? ` (${s.subjectCodes.join(', ')})` : '';
    return `${i + 1}. ${s.title}${codes}`;
  });
  const outcome = route.leadsToAuthorisation ? 'Resultat: autorisasjon som helsesekretær.' : 'Ruten gir ikke autorisasjon.';
  return `${steps.join('; ')}. ${outcome}`;
}

/** `idPrefix` keeps the <title>/<desc> ids unique if a page ever holds more than one diagram. */
export function routeDiagramNode(route: Route, idPrefix = 'diagram'): Element {
  const boxes: Box[] = route.steps.map((step) => ({ lines: wrap(step.title), codes: step.subjectCodes, kind: 'step' }));
  boxes.push(
    route.leadsToAuthorisation
      ? { lines: ['Autorisasjon som helsesekretær'], codes: [], kind: 'outcome' }
      : { lines: ['Ingen autorisasjon'], codes: [], kind: 'no-outcome' },
  );

  const parts: Element[] = [];
  let y = 10;
  boxes.forEach((box, index) => {
    const height = boxHeight(box);
    const texts: Element[] = [];
    let ty = y + PADDING + LINE_HEIGHT - 4;
    for (const line of box.lines) {
      texts.push(s('text', { x: WIDTH / 2, y: ty, class: 'diagram-label' }, line));
      ty += LINE_HEIGHT;
    }
    if (box.codes.length) {
      for (const line of wrap(box.codes.join(', '), CODE_CHARS_PER_LINE)) {
        texts.push(s('text', { x: WIDTH / 2, y: ty - 2, class: 'diagram-codes' }, line));
        ty += CODE_LINE_HEIGHT;
      }
    }
    parts.push(s('g', { class: `diagram-${box.kind}` }, s('rect', { x: BOX_X, y, width: BOX_WIDTH, height, rx: 8 }), texts));
    y += height;
    if (index < boxes.length - 1) {
      const x = WIDTH / 2;
      const end = y + GAP - 2;
      parts.push(
        s('path', { class: 'diagram-arrow', d: `M${x} ${y + 2}V${end}` }),
        s('path', { class: 'diagram-arrow', d: `M${x - 6} ${end - 8}L${x} ${end}L${x + 6} ${end - 8}` }),
      );
      y += GAP;
    }
  });
  const height = y + 10;
  const titleId = `${idPrefix}-tittel`;
  const descId = `${idPrefix}-beskrivelse`;
  return s(
    'svg',
    { class: 'route-diagram', xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, role: 'img', ariaLabelledBy: `${titleId} ${descId}` },
    s('title', { id: titleId }, `Steg for steg: ${route.title}`),
    s('desc', { id: descId }, describeRoute(route)),
    parts,
  );
}
