import rules from 'virtual:sekretaersjekk-rules';
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../../utils/background.ts';

export default defineBackground(() => {
  startBackground(rules);
});
