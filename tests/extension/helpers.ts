/**
 * Test helpers. Pages are loaded into the global happy-dom document: happy-dom's Ranges misbehave
 * on DOMParser documents (setEnd collapses them), and the content script works on `document` anyway.
 */
export function loadPage(html: string): Document {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.replaceChildren(...[...parsed.head.childNodes].map((n) => document.importNode(n, true)));
  document.body.replaceChildren(...[...parsed.body.childNodes].map((n) => document.importNode(n, true)));
  return document;
}

/** The text a Range covers, whitespace collapsed as the DOM reader does. */
export function rangeText(range: Range): string {
  return range.toString().replace(/\s+/g, ' ');
}
