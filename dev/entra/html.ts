/**
 * HTML building blocks shared by the local Entra ID's pages: escaping, the page frame and its
 * stylesheet. Pages are plain server-rendered HTML that works without JavaScript.
 */

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** Tagged template that escapes every interpolated value unless it is already `Html`. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Part = string | number | Html | undefined | null | false | readonly Part[];

function render(part: Part): string {
  if (part === undefined || part === null || part === false) return "";
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join("");
  return escapeHtml(String(part));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? "");
  });
  return new Html(out);
}

const STYLES = `
:root { color-scheme: light dark; --fg:#1b1b1b; --muted:#5a5a5a; --bg:#f3f4f6; --card:#fff; --line:#c8c8c8;
  --accent:#0f6cbd; --accent-fg:#fff; --err-bg:#fde7e9; --err-fg:#a4262c; --focus:#000; }
@media (prefers-color-scheme: dark) { :root { --fg:#f3f3f3; --muted:#c4c4c4; --bg:#1f1f1f; --card:#2b2b2b;
  --line:#5c5c5c; --accent:#479ef5; --accent-fg:#000; --err-bg:#442726; --err-fg:#ffb3b8; --focus:#fff; } }
* { box-sizing: border-box; }
body { margin:0; font: 16px/1.5 "Segoe UI", system-ui, -apple-system, sans-serif; color:var(--fg); background:var(--bg); }
main { max-width: 34rem; margin: 2rem auto; padding: 2rem; background: var(--card); border-radius: 4px;
  box-shadow: 0 2px 6px rgba(0,0,0,.2); }
.brand { margin:0 0 1rem; font-size:.9rem; color:var(--muted); }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
p { margin: .25rem 0 1rem; }
label { display:block; font-weight:600; margin-bottom:.25rem; }
input[type=email], input[type=text], input[type=password] { width:100%; padding:.5rem; font:inherit; color:inherit;
  background:transparent; border:1px solid var(--line); border-radius:2px; }
.field { margin-bottom: 1rem; }
.checkbox { display:flex; gap:.5rem; align-items:center; } .checkbox label { display:inline; font-weight:400; margin:0; }
form + form { margin-top: .75rem; }
.hint { font-size:.9rem; color:var(--muted); margin:.25rem 0 0; }
button { font: inherit; cursor: pointer; }
.primary { background:var(--accent); color:var(--accent-fg); border:0; padding:.5rem 1.5rem; border-radius:2px; }
.accounts { list-style:none; padding:0; margin:0; }
.accounts li { margin-bottom:.5rem; }
.account { display:block; width:100%; text-align:left; padding:.5rem .75rem; background:transparent; color:inherit;
  border:1px solid var(--line); border-radius:2px; }
.account:hover { border-color: var(--accent); }
.account .name { font-weight:600; }
.account .meta { display:block; font-size:.9rem; color:var(--muted); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.error { background:var(--err-bg); color:var(--err-fg); padding:.75rem; border-radius:2px; margin:0 0 1rem; }
.details { font-size:.85rem; color:var(--muted); word-break: break-all; }
code { font-family: ui-monospace, Consolas, monospace; }
table { border-collapse: collapse; font-size:.9rem; } td, th { text-align:left; padding:.25rem .5rem; border-bottom:1px solid var(--line); }
`;

export function page(options: { title: string; nonce: string; body: Html; script?: string; wide?: boolean }): string {
  const width = options.wide ? "main { max-width: 60rem; }" : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(options.title)}</title>
<style nonce="${options.nonce}">${STYLES}${width}</style>
</head>
<body>
${options.body.value}
${options.script ? `<script nonce="${options.nonce}">${options.script}</script>` : ""}
</body>
</html>
`;
}
