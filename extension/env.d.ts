// The rules the generator bundled (dist/bundle/rules.json), aliased in wxt.config.ts.
declare module 'virtual:sekretaersjekk-rules' {
  import type { Rules } from '../shared/index.ts';
  const rules: Rules;
  export default rules;
}
