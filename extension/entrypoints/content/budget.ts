import type { AdSource } from '../../../shared/content-script.ts';
import { LIMITS, type PageMessage, withinBudget } from '../../utils/messages.ts';

/**
 * The content script's side of the message budget: what it reads is capped (READ_LIMITS), and the
 * message it sends is made to fit what the background accepts (LIMITS) — over the cap, the first
 * part is sent and the message says so (`truncated`), so the popup can say "annonsen er svært lang
 * – bare begynnelsen er lest" instead of the page going unread.
 */
export const READ_LIMITS = {
  /** Characters of ad text read from the page (the background accepts LIMITS.text). */
  chars: 200_000,
  /** Text nodes visited: a page of a million tiny nodes costs as much as their count, not their text. */
  nodes: 20_000,
} as const;

/** `source` cut to the first `maxChars` characters and `maxBlocks` blocks. */
export function fitSource(source: AdSource, maxChars: number = LIMITS.text, maxBlocks: number = LIMITS.blocks): { source: AdSource; truncated: boolean } {
  if (source.text.length <= maxChars && source.blocks.length <= maxBlocks) return { source, truncated: false };
  const blocks = source.blocks.filter((b) => b.start < maxChars).slice(0, maxBlocks);
  const end = Math.min(maxChars, blocks.length < source.blocks.length && blocks.length > 0 ? blocks[blocks.length - 1]!.end : maxChars);
  return {
    source: { ...source, text: source.text.slice(0, end), blocks: blocks.map((b) => (b.end > end ? { ...b, end } : b)) },
    truncated: true,
  };
}

/** The message as it may be sent: within LIMITS (JSON-LD dropped when it alone breaks the budget). */
export function fitMessage(message: PageMessage): PageMessage {
  const fitted = fitSource(message.source);
  let out: PageMessage = fitted.truncated ? { ...message, source: fitted.source, truncated: true } : message;
  if (!withinBudget(out) || out.source.jobPostings.length > LIMITS.jobPostings) out = { ...out, source: { ...out.source, jobPostings: [] } };
  // Still over (a page of countless tiny blocks): fewer blocks, until it fits.
  for (let blocks = out.source.blocks.length >> 1; !withinBudget(out) && blocks > 0; blocks >>= 1) {
    out = { ...out, source: fitSource(out.source, LIMITS.text, blocks).source, truncated: true };
  }
  return out;
}
