/**
 * Strict zod schemas for content/ files. Unknown fields are errors (a typo must not be silently
 * ignored). Custom `error` texts are the "expected" part of the Norwegian message.
 * Cross-file checks (fact ids exist, routes the rules choose exist, ...) live in load.ts.
 */
import { z } from 'zod';
import { TITLE_IDS, type Fact, type Parameter, type Route } from '../../../shared/index.ts';
import type { Change, Page, SiteSettings, TitleInfo } from '../model.ts';

export const FACT_ID = /^F-\d{2,3}$/;
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SUBJECT_CODE = /^[A-Z]{3}\d{4}$/;

export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const text = z.string().trim().min(1, { error: 'tekst som ikke er tom' });
const isoDate = z.string().refine(isIsoDate, { error: 'en ISO-dato ÅÅÅÅ-MM-DD, f.eks. 2023-03-01' });
const factId = z.string().regex(FACT_ID, { error: 'en fakta-id som F-10' });
const slug = z.string().regex(SLUG, { error: 'en id med små bokstaver, tall og bindestrek, f.eks. vgs-full' });
const factIds = z.array(factId);
function isHttpUrl(value: string): boolean {
  return /^https?:\/\/[^\s/]+\.[^\s]+$/.test(value) && URL.canParse(value);
}
const httpUrl = z.string().refine(isHttpUrl, { error: 'en nettadresse som begynner med https://' });

export const SourceSchema = z.strictObject({
  title: text,
  url: httpUrl.optional(),
  publisher: text,
});

export const FactSchema = z.strictObject({
  id: factId,
  statement: text,
  sources: z.array(SourceSchema).min(1, { error: 'minst én kilde' }),
  checked: isoDate,
  validFrom: isoDate.optional(),
  validTo: isoDate.optional(),
  confidence: z.enum(['high', 'medium-high', 'medium', 'unverified']),
}) satisfies z.ZodType<Fact>;

export const ParameterSchema = z.strictObject({
  id: slug,
  description: text,
  values: z
    .array(
      z.strictObject({
        from: isoDate,
        to: isoDate.optional(),
        checked: isoDate.optional(),
        value: z.union([z.string(), z.number(), z.boolean()], { error: 'tekst, et tall eller true/false' }),
      }),
    )
    .min(1, { error: 'minst én verdi' }),
  facts: factIds,
}) satisfies z.ZodType<Parameter>;

export const RouteStepSchema = z.strictObject({
  id: slug,
  title: text,
  titleEn: text,
  subjectCodes: z.array(z.string().regex(SUBJECT_CODE, { error: 'en fagkode som HSE3008' })).default([]),
  description: z.string().default(''),
  facts: factIds.default([]),
});

/** A route file's front matter: every Route field except the Markdown body. */
export const RouteFrontMatterSchema = z.strictObject({
  id: slug,
  title: text,
  titleEn: text,
  priority: z.number().int({ error: 'et heltall' }),
  audience: text,
  steps: z.array(RouteStepSchema),
  duration: text,
  durationEn: text,
  cost: text,
  costEn: text,
  leadsToAuthorisation: z.boolean(),
  facts: factIds,
}) satisfies z.ZodType<Omit<Route, 'body'>>;

export const SiteSchema = z.strictObject({
  title: text,
  baseUrl: z.string().refine((value) => isHttpUrl(value) && value.endsWith('/'), {
    error: 'en nettadresse som begynner med https:// og slutter med /, f.eks. https://sekretaersjekk.no/',
  }),
  language: z.literal('nb'),
  description: text,
  factsChecked: isoDate.optional(),
}) satisfies z.ZodType<SiteSettings>;

export const TitleSchema = z.strictObject({
  id: z.enum(TITLE_IDS),
  name: text,
  protected: z.boolean(),
  authorisation: z.boolean(),
  education: text,
  englishNames: z.array(text),
  facts: factIds.min(1, { error: 'minst én fakta-id' }),
  notes: z.string().default(''),
});

export const ChangeSchema = z.strictObject({
  id: slug,
  topic: text,
  claim: text,
  now: text,
  facts: factIds.min(1, { error: 'minst én fakta-id' }),
}) satisfies z.ZodType<Change>;

export const PageFrontMatterSchema = z.strictObject({
  title: text,
}) satisfies z.ZodType<Omit<Page, 'body' | 'file'>>;

/** The top level of the list files: `facts:`, `parameters:`, `titles:`, `changes:`. */
export function listFileSchema(key: string) {
  return z.strictObject({ [key]: z.array(z.unknown()) });
}


export const TitleSchemaChecked = TitleSchema satisfies z.ZodType<TitleInfo>;
