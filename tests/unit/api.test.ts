// The public API of the rules core and the generator (unified-collective style: index.ts re-exports
// lib/, and this list changes only on purpose). shared/index.ts is what both faces import.
import { describe, expect, it } from 'vitest';
import * as core from '../../shared/index.ts';

describe('public API', () => {
  it('the rules core exports exactly these names', () => {
    expect(Object.keys(core).sort()).toEqual([
      'ADVICE_NOTES',
      'CHOSEN_ROUTE_IDS',
      'COURSE_IDS',
      'EFFECT_LABELS',
      'EMPTY_PROFILE_HINT',
      'FOREIGN_COMPLETIONS',
      'FOREIGN_REGIONS',
      'MAX_SYSTEMS',
      'MAX_SYSTEM_NAME_LENGTH',
      'MAX_YEARS_EXPERIENCE',
      'MIN_BIRTH_YEAR',
      'OPTIONAL_PROFILE_FIELDS',
      'PARAMETER_LABELS',
      'PREDICATES',
      'PREDICATE_NAMES',
      'ProfileSchema',
      'REASONS',
      'REASON_TOPICS',
      'SITUATIONS',
      'TITLE_IDS',
      'TITLE_LABELS',
      'VERDICT_LABELS',
      'authorisationGoalReading',
      'chooseRoute',
      'decodeEntities',
      'defaultProfile',
      'emptyReading',
      'evaluatePredicate',
      'findJobPostings',
      'findTitles',
      'fit',
      'foreignEducationOf',
      'getAdviceNote',
      'getPredicate',
      'getReason',
      'getSituation',
      'isHeadingLine',
      'looksLikeHtml',
      'makeReason',
      'migrateProfileV1ToV2',
      'parameterAt',
      'parseProfile',
      'profileSchema',
      'questionsToAskAgain',
      'readAd',
      'readAdUnguarded',
      'readText',
      'sourceFromBlocks',
      'sourceFromHtml',
      'sourceFromInput',
      'sourceFromText',
      'titleTerms',
      'traceParameter',
      'traceSteps',
      'yearOf',
      'yearsOfWorkOf',
    ]);
  });

  it('the generator exposes generate, watch, the content loader and the site build', async () => {
    const generator = await import('../../generator/index.ts');
    for (const name of ['generate', 'startWatch', 'loadContent', 'ContentLoader', 'buildSite', 'formatMessage', 'SiteBuildError']) {
      expect(typeof (generator as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});
