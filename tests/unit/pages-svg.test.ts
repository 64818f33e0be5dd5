/** The route diagram: one box per step plus the outcome, accessible names, escaping, and layout. */
import { describe, expect, it } from 'vitest';
import { toHtmlString } from '../../generator/lib/html.ts';
import { describeRoute, routeDiagramNode, wrap } from '../../generator/lib/svg.ts';

const routeDiagram = (...args: Parameters<typeof routeDiagramNode>) => toHtmlString(routeDiagramNode(...args));
import type { Route } from '../../shared/lib/types.ts';

function route(steps: [string, string[]][], leadsToAuthorisation = true): Route {
  return {
    id: 'test',
    title: 'Voksen <med> "rett" & RKV',
    titleEn: 'Adult',
    priority: 1,
    audience: '',
    steps: steps.map(([title, subjectCodes], i) => ({ id: `s${i}`, title, titleEn: title, subjectCodes, description: '', facts: [] })),
    duration: '2 år',
    durationEn: '2 years',
    cost: 'Gratis',
    costEn: 'Free',
    leadsToAuthorisation,
    facts: [],
    body: '',
  };
}

const VGS: [string, string[]][] = [
  ['Vg1 helse- og oppvekstfag', ['HSF1006', 'HSF1007', 'HSF1008']],
  ['Vg2 helseservicefag', ['HES2005', 'HES2006', 'HES2007', 'HES2008']],
  ['Vg3 helsesekretær', ['HSE3005', 'HSE3006', 'HSE3007']],
  ['Tverrfaglig eksamen', ['HSE3008']],
];

describe('wrap', () => {
  it('fills lines greedily without splitting words', () => {
    expect(wrap('Realkompetansevurdering av Vg1 helse- og oppvekstfag', 27)).toEqual(['Realkompetansevurdering av', 'Vg1 helse- og oppvekstfag']);
    expect(wrap('kort', 27)).toEqual(['kort']);
    expect(wrap('   ', 27)).toEqual([]);
    expect(wrap('ettveldigveldiglangtordsomikkepasser x', 10)).toEqual(['ettveldigveldiglangtordsomikkepasser', 'x']);
  });
});

describe('routeDiagram', () => {
  it('draws one box per step, arrows between, and the authorisation outcome last', () => {
    const svg = routeDiagram(route(VGS));
    expect(svg.match(/<g class="diagram-step">/g)?.length).toBe(4);
    expect(svg.match(/<g class="diagram-outcome">/g)?.length).toBe(1);
    expect(svg.match(/d="M160 [\d.]+V/g)?.length).toBe(4); // 5 boxes, 4 arrows
    expect(svg.lastIndexOf('Autorisasjon som helsesekretær')).toBeGreaterThan(svg.indexOf('Tverrfaglig eksamen'));
    expect(svg.indexOf('Vg1 helse-')).toBeLessThan(svg.indexOf('Vg2 helse'));
  });

  it('marks a route without authorisation with a different outcome box', () => {
    const svg = routeDiagram(route([['Kurs', []]], false));
    expect(svg).toContain('<g class="diagram-no-outcome">');
    expect(svg).not.toContain('diagram-outcome"');
    expect(describeRoute(route([['Kurs', []]], false))).toContain('Ruten gir ikke autorisasjon.');
  });

  it('is an image named by its <title> and described step by step with the LK20 codes', () => {
    const svg = routeDiagram(route(VGS), 'fig');
    expect(svg).toMatch(/^<svg class="route-diagram" xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 320 \d+" width="320" height="\d+" role="img" aria-labelledby="fig-tittel fig-beskrivelse">/);
    // Escaped by the serialiser: "<" and "&" in text, so the title cannot become markup.
    expect(svg).toContain('<title id="fig-tittel">Steg for steg: Voksen &lt;med> "rett" &amp; RKV</title>');
    expect(svg).toContain('<desc id="fig-beskrivelse">1. Vg1 helse- og oppvekstfag (HSF1006, HSF1007, HSF1008); 2. Vg2 helseservicefag (HES2005, HES2006, HES2007, HES2008);');
    expect(svg).toContain('Resultat: autorisasjon som helsesekretær.</desc>');
    expect(svg).not.toMatch(/<script|on[a-z]+=/);
  });

  it('grows with the number of steps and the length of their text', () => {
    const height = (svg: string) => Number(/viewBox="0 0 320 (\d+)"/.exec(svg)?.[1]);
    const short = height(routeDiagram(route(VGS.slice(0, 2))));
    const long = height(routeDiagram(route(VGS)));
    const wordy = height(routeDiagram(route([[`${VGS[0]?.[0]} med en veldig lang forklaring i tittelen`, VGS[0]?.[1] ?? []], VGS[1] as [string, string[]]])));
    expect(long).toBeGreaterThan(short);
    expect(wordy).toBeGreaterThan(short);
  });
});
