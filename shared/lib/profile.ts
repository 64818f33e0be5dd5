/**
 * The reader's profile: what they have done, as they told us. It stays on the device; this module
 * only checks its shape and explains, in Norwegian and naming the field, what is wrong.
 */
import * as z from 'zod/mini';
import {
  COURSE_IDS,
  FOREIGN_COMPLETIONS,
  FOREIGN_REGIONS,
  type CourseId,
  type ForeignCompletion,
  type ForeignEducation,
  type ForeignRegion,
  type Profile,
} from './types.ts';

export const MIN_BIRTH_YEAR = 1900;
export const MAX_YEARS_EXPERIENCE = 60;
export const MAX_SYSTEMS = 30;
export const MAX_SYSTEM_NAME_LENGTH = 80;

const PROFILE_FIELDS = [
  'birthYear',
  'authorisedHelsesekretaer',
  'completed',
  'yearsAsSecretaryInHealth',
  'educationAbroad',
  'systems',
  'foreignEducation',
  'otherUpperSecondaryCompleted',
  'yearsOfWork',
] as const satisfies readonly (keyof Profile)[];
/** Fields added in stored-profile version 2; a profile without them keeps its version-1 meaning. */
export const OPTIONAL_PROFILE_FIELDS = ['foreignEducation', 'otherUpperSecondaryCompleted', 'yearsOfWork'] as const satisfies readonly (keyof Profile)[];
type ProfileField = (typeof PROFILE_FIELDS)[number];

/** Norwegian statement of what each field must be; errors are "<field>: <rule>". */
function fieldRule(field: ProfileField, currentYear: number): string {
  switch (field) {
    case 'birthYear':
      return `må være et helt tall mellom ${MIN_BIRTH_YEAR} og ${currentYear}`;
    case 'authorisedHelsesekretaer':
      return 'må være true eller false (er du autorisert helsesekretær?)';
    case 'completed':
      return `må være en liste uten duplikater med verdier blant: ${COURSE_IDS.join(', ')}`;
    case 'yearsAsSecretaryInHealth':
      return `må være et tall fra 0 til ${MAX_YEARS_EXPERIENCE}`;
    case 'educationAbroad':
      return 'må være true eller false (er utdanningen din fra utlandet?)';
    case 'systems':
      return `må være en liste med inntil ${MAX_SYSTEMS} navn på journalsystemer (tekst, inntil ${MAX_SYSTEM_NAME_LENGTH} tegn)`;
    case 'foreignEducation':
      return `må være et objekt { completed: ${FOREIGN_COMPLETIONS.join(' | ')}, region: ${FOREIGN_REGIONS.join(' | ')} } (utdanningen fra utlandet: fullført, og hvor)`;
    case 'otherUpperSecondaryCompleted':
      return 'må være true eller false (har du fullført videregående på annen måte, f.eks. fagbrev eller studiekompetanse?)';
    case 'yearsOfWork':
      return `må være et tall fra 0 til ${MAX_YEARS_EXPERIENCE} (år i arbeid av alle slag)`;
  }
}

function buildSchema(currentYear: number) {
  return z.strictObject({
    birthYear: z.int().check(z.gte(MIN_BIRTH_YEAR), z.lte(currentYear)),
    authorisedHelsesekretaer: z.boolean(),
    completed: z
      .array(z.enum(COURSE_IDS as unknown as [CourseId, ...CourseId[]]))
      .check(z.refine((ids) => new Set(ids).size === ids.length)),
    yearsAsSecretaryInHealth: z.number().check(z.gte(0), z.lte(MAX_YEARS_EXPERIENCE)),
    educationAbroad: z.boolean(),
    systems: z.array(z.string().check(z.minLength(1), z.maxLength(MAX_SYSTEM_NAME_LENGTH))).check(z.maxLength(MAX_SYSTEMS)),
    foreignEducation: z.optional(
      z.strictObject({
        completed: z.enum(FOREIGN_COMPLETIONS as unknown as [ForeignCompletion, ...ForeignCompletion[]]),
        region: z.enum(FOREIGN_REGIONS as unknown as [ForeignRegion, ...ForeignRegion[]]),
      }),
    ),
    otherUpperSecondaryCompleted: z.optional(z.boolean()),
    yearsOfWork: z.optional(z.number().check(z.gte(0), z.lte(MAX_YEARS_EXPERIENCE))),
  });
}

let cached: { year: number; schema: ReturnType<typeof buildSchema> } | null = null;

/** The schema for a given current year (birthYear may not lie in the future). */
export function profileSchema(currentYear: number = new Date().getUTCFullYear()) {
  if (cached?.year !== currentYear) cached = { year: currentYear, schema: buildSchema(currentYear) };
  return cached.schema;
}

export const ProfileSchema = profileSchema();

export type ParseProfileResult = { ok: true; profile: Profile } | { ok: false; errors: string[] };

/** Shown where no profile has been saved yet. */
export const EMPTY_PROFILE_HINT =
  'Du har ikke fylt ut profilen ennå. Fyll inn fødselsår, utdanning og erfaring for å se om annonsen passer deg.';

/** A reader who has done nothing yet (born 1990): the one base that the veiviser's answers and the
 * tests build profiles on. */
export function defaultProfile(overrides: Partial<Profile> = {}): Profile {
  return { birthYear: 1990, authorisedHelsesekretaer: false, completed: [], yearsAsSecretaryInHealth: 0, educationAbroad: false, systems: [], ...overrides };
}

/**
 * Validate untrusted data (a form, storage, a CLI file) as a Profile. Every problem is reported,
 * each naming the field, so nothing the reader typed is silently dropped.
 */
export function parseProfile(data: unknown, currentYear: number = new Date().getUTCFullYear()): ParseProfileResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, errors: ['profil: må være et objekt med feltene ' + PROFILE_FIELDS.join(', ')] };
  }
  const result = z.safeParse(profileSchema(currentYear), data);
  if (result.success) {
    const { foreignEducation, ...rest } = result.data;
    const profile: Profile = { ...rest, completed: [...rest.completed], systems: [...rest.systems] };
    if (foreignEducation) profile.foreignEducation = { ...foreignEducation };
    return { ok: true, profile };
  }

  const record = data as Record<string, unknown>;
  const errors: string[] = [];
  const reportedFields = new Set<string>();
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys' && issue.path.length === 0) {
      for (const key of issue.keys) {
        errors.push(`${key}: ukjent felt (tillatte felt: ${PROFILE_FIELDS.join(', ')})`);
      }
      continue;
    }
    const field = issue.path[0];
    if (typeof field !== 'string' || !isProfileField(field)) {
      errors.push(`profil: ugyldig verdi (${issue.message})`);
      continue;
    }
    if (!(field in record) && !(OPTIONAL_PROFILE_FIELDS as readonly string[]).includes(field)) {
      if (!reportedFields.has(field)) errors.push(`${field}: mangler; ${fieldRule(field, currentYear)}`);
      reportedFields.add(field);
      continue;
    }
    if (field === 'completed' && issue.path.length > 1) {
      const index = issue.path[1];
      const value = typeof index === 'number' ? (record.completed as unknown[])[index] : undefined;
      errors.push(`completed[${String(index)}]: ukjent utdanningssteg ${JSON.stringify(value) ?? 'undefined'}; gyldige verdier: ${COURSE_IDS.join(', ')}`);
      reportedFields.add(field);
      continue;
    }
    if (field === 'completed' && issue.code === 'custom') {
      const ids = record.completed as string[];
      const dupes = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
      errors.push(`completed: ${dupes.map((d) => JSON.stringify(d)).join(', ')} står mer enn én gang`);
      reportedFields.add(field);
      continue;
    }
    if (field === 'systems' && issue.path.length > 1) {
      errors.push(`systems[${String(issue.path[1])}]: må være et navn på 1 til ${MAX_SYSTEM_NAME_LENGTH} tegn`);
      reportedFields.add(field);
      continue;
    }
    if (!reportedFields.has(field)) errors.push(`${field}: ${fieldRule(field, currentYear)}`);
    reportedFields.add(field);
  }
  return { ok: false, errors };
}

function isProfileField(key: string): key is ProfileField {
  return (PROFILE_FIELDS as readonly string[]).includes(key);
}

/** The education abroad as the rules read it: the stated one, or the version-1 meaning (a completed equivalent, outside EU/EØS). */
export function foreignEducationOf(profile: Profile): ForeignEducation | null {
  if (!profile.educationAbroad) return null;
  return profile.foreignEducation ?? { completed: 'full-equivalent', region: 'other' };
}

/** Years of any work (F-22); a profile without the field counts its years as a secretary in health. */
export function yearsOfWorkOf(profile: Profile): number {
  return Math.max(profile.yearsOfWork ?? profile.yearsAsSecretaryInHealth, profile.yearsAsSecretaryInHealth);
}

/**
 * Stored-profile migration 1 → 2 (pure). Version 2 only adds optional fields, so a version-1
 * profile is carried over unchanged and keeps its meaning; anything else is passed on untouched
 * for parseProfile to judge (and set aside, never lost).
 */
export function migrateProfileV1ToV2(stored: unknown): unknown {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return stored;
  return { ...(stored as Record<string, unknown>) };
}

/**
 * The new questions whose missing answer can change this reader's route, so the options page and
 * popup ask them again (a notice only then). None for the authorised or for a Norwegian Vg3
 * vitnemål. Otherwise: how far the education abroad went and where (F-51), whether upper secondary
 * was completed otherwise (voksenrett, F-24), and years of any work (fellesfag exemption, F-22).
 */
export function questionsToAskAgain(profile: Profile): (typeof OPTIONAL_PROFILE_FIELDS)[number][] {
  if (profile.authorisedHelsesekretaer || profile.completed.includes('vg3-helsesekretaer')) return [];
  return OPTIONAL_PROFILE_FIELDS.filter((field) => profile[field] === undefined && (field !== 'foreignEducation' || profile.educationAbroad));
}
