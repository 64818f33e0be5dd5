import { browser } from 'wxt/browser';

/** A bundled guide page (dist/site copied to /guide/ at build time), e.g. guideUrl('ruter/vgs-full.html'). */
export function guideUrl(page: string): string {
  // The guide's files are added by a build hook, so WXT's typed public paths don't list them.
  const getURL = browser.runtime.getURL as (path: string) => string;
  return getURL(`/guide/${page}`);
}
