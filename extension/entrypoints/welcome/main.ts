import { uiLang } from '../../utils/i18n.ts';
import { loadProfile } from '../../utils/storage.ts';
import { renderWelcome } from '../../utils/welcome-view.ts';

/** Opened once, on install (background): what the extension does, and the first questions. */
const root = document.getElementById('welcome')!;
const lang = uiLang();
document.documentElement.lang = lang;

void loadProfile().then(({ profile }) => renderWelcome(root, { lang, profile }));
