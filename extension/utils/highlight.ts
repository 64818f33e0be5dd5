/**
 * Title highlights that never touch the page's DOM tree.
 *
 * Preferred: the CSS Custom Highlight API — a named Highlight of Ranges plus one `::highlight()`
 * rule in a constructed stylesheet adopted by the document (no element added).
 * Fallback (browsers without the API, e.g. Firefox < 140): an overlay — one custom element on
 * <html> holding a closed shadow root, with translucent boxes drawn from Range#getClientRects().
 * The overlay is drawn once per scan (the content script rescans on mutations and resizes).
 */
// Random per page: the names a page can see say nothing about which extension made them.
export const HIGHLIGHT_NAME = `h${Math.random().toString(36).slice(2, 10)}`;
export const OVERLAY_TAG = `x-${Math.random().toString(36).slice(2, 10)}`;
export type HighlightMode = 'highlight-api' | 'overlay' | 'none';

const HIGHLIGHT_CSS = `::highlight(${HIGHLIGHT_NAME}){background-color:#ffe066;color:#111;text-decoration:underline 2px #9a6700}`;
const OVERLAY_CSS =
  ':host{all:initial;position:absolute;top:0;left:0;width:0;height:0;pointer-events:none;z-index:2147483647}' +
  'div{position:absolute;background:rgba(255,214,0,.35);outline:2px solid rgba(154,103,0,.8);border-radius:2px;pointer-events:none}';

const sheets = new WeakMap<Document, CSSStyleSheet>();
const overlays = new WeakMap<Document, { host: HTMLElement; root: ShadowRoot }>();

function highlightApi(doc: Document): { registry: HighlightRegistry; Highlight: typeof Highlight } | null {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  const registry = win?.CSS?.highlights;
  const HighlightCtor = win?.Highlight;
  return registry && typeof HighlightCtor === 'function' ? { registry, Highlight: HighlightCtor } : null;
}

function adoptHighlightStyle(doc: Document): boolean {
  if (sheets.has(doc)) {
    const sheet = sheets.get(doc)!;
    // The page may have replaced its adopted sheets since: put ours back.
    if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return true;
  }
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (!win || typeof win.CSSStyleSheet !== 'function') return false;
  try {
    const sheet = new win.CSSStyleSheet();
    sheet.replaceSync(HIGHLIGHT_CSS);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    sheets.set(doc, sheet);
    return true;
  } catch {
    return false;
  }
}

/** Shows `ranges` as title highlights; returns how. An empty list clears them. */
export function showHighlights(doc: Document, ranges: readonly Range[], allowOverlay = true): HighlightMode {
  const api = highlightApi(doc);
  if (api && adoptHighlightStyle(doc)) {
    removeOverlay(doc);
    if (ranges.length === 0) api.registry.delete(HIGHLIGHT_NAME);
    else api.registry.set(HIGHLIGHT_NAME, new api.Highlight(...ranges));
    return 'highlight-api';
  }
  if (!allowOverlay) return 'none';
  drawOverlay(doc, ranges);
  return 'overlay';
}

export function clearHighlights(doc: Document): void {
  highlightApi(doc)?.registry.delete(HIGHLIGHT_NAME);
  removeOverlay(doc);
}

function drawOverlay(doc: Document, ranges: readonly Range[]): void {
  if (ranges.length === 0) {
    removeOverlay(doc);
    return;
  }
  let overlay = overlays.get(doc);
  if (!overlay || !overlay.host.isConnected) {
    const host = doc.createElement(OVERLAY_TAG);
    host.setAttribute('aria-hidden', 'true');
    const root = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = OVERLAY_CSS;
    root.append(style);
    doc.documentElement.append(host);
    overlay = { host, root };
    overlays.set(doc, overlay);
  }
  const win = doc.defaultView;
  const dx = win?.scrollX ?? 0;
  const dy = win?.scrollY ?? 0;
  const boxes: HTMLElement[] = [];
  for (const range of ranges) {
    for (const rect of range.getClientRects()) {
      if (rect.width === 0 || rect.height === 0) continue;
      const box = doc.createElement('div');
      box.style.left = `${rect.left + dx}px`;
      box.style.top = `${rect.top + dy}px`;
      box.style.width = `${rect.width}px`;
      box.style.height = `${rect.height}px`;
      boxes.push(box);
    }
  }
  const style = overlay.root.firstChild!;
  overlay.root.replaceChildren(style, ...boxes);
}

function removeOverlay(doc: Document): void {
  const overlay = overlays.get(doc);
  if (!overlay) return;
  overlay.host.remove();
  overlays.delete(doc);
}

/** Whether a node is (inside) our overlay: its mutations are ours, not the page's. */
export function isOverlayNode(node: Node): boolean {
  return node.nodeName.toLowerCase() === OVERLAY_TAG;
}
