/**
 * A caught message's HTML for a sandboxed frame, with its links opening in a new tab: the frame
 * may not navigate the page, and a link that does nothing would look broken. The <base> goes
 * into the head (or after the doctype) so a doctype still comes first and the message renders
 * in standards mode, as a mail client shows it.
 */
const BASE = '<base target="_blank">';

export function htmlForFrame(html: string): string {
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  if (head) return insertAt(html, head.index + head[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  if (doctype) return insertAt(html, doctype[0].length);
  return BASE + html;
}

const insertAt = (html: string, at: number) => html.slice(0, at) + BASE + html.slice(at);
