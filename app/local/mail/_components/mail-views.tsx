"use client";

import { useId, useRef, useState, type KeyboardEvent } from "react";
import { htmlForFrame } from "../_lib/srcdoc";

type View = "html" | "text";
const LABELS: Record<View, string> = { html: "HTML", text: "Text" };

/**
 * The message body as HTML or as plain text, in tabs (WAI-ARIA tabs: arrow keys, Home and End
 * move between them; the panel follows). The HTML is shown in a sandboxed frame without scripts,
 * forms or same-origin access; its links open in a new tab so a person can follow them.
 */
export function MailViews({ html, text }: { html: string | null; text: string | null }) {
  const views: View[] = [...(html !== null ? (["html"] as const) : []), ...(text !== null ? (["text"] as const) : [])];
  const [selected, setSelected] = useState<View>(views[0] ?? "text");
  const baseId = useId();
  const tabs = useRef<Partial<Record<View, HTMLButtonElement | null>>>({});

  if (views.length === 0) return <p className="text-sm text-fg2">This message has no body.</p>;

  const select = (view: View) => {
    setSelected(view);
    tabs.current[view]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const at = views.indexOf(selected);
    const next =
      e.key === "ArrowRight" ? views[(at + 1) % views.length] : e.key === "ArrowLeft" ? views[(at - 1 + views.length) % views.length] : e.key === "Home" ? views[0] : e.key === "End" ? views[views.length - 1] : undefined;
    if (!next) return;
    e.preventDefault();
    select(next);
  };

  return (
    <div className="space-y-3">
      <div role="tablist" aria-label="Message body" className="flex gap-1 border-b border-stroke2" onKeyDown={onKeyDown}>
        {views.map((view) => {
          const current = view === selected;
          return (
            <button
              key={view}
              ref={(el) => {
                tabs.current[view] = el;
              }}
              type="button"
              role="tab"
              id={`${baseId}-${view}-tab`}
              aria-selected={current}
              aria-controls={`${baseId}-${view}-panel`}
              tabIndex={current ? 0 : -1}
              onClick={() => setSelected(view)}
              className={`-mb-px inline-flex min-h-10 items-center border-b-2 px-3 text-sm ${current ? "border-brand font-semibold text-fg1" : "border-transparent text-fg2 hover:border-stroke hover:text-fg1"}`}
            >
              {LABELS[view]}
            </button>
          );
        })}
      </div>
      {views.map((view) => (
        <div key={view} role="tabpanel" id={`${baseId}-${view}-panel`} aria-labelledby={`${baseId}-${view}-tab`} tabIndex={0} hidden={view !== selected}>
          {view === "html" ? (
            <iframe
              title="The message as HTML"
              // No allow-scripts, no allow-same-origin, no forms: the message can only be looked at,
              // and its links opened in a new tab.
              sandbox="allow-popups allow-popups-to-escape-sandbox"
              srcDoc={htmlForFrame(html ?? "")}
              className="h-[70vh] w-full rounded-fl border border-stroke2 bg-white"
              data-testid="mail-html"
            />
          ) : (
            <pre className="max-h-[70vh] overflow-auto whitespace-pre-wrap break-words rounded-fl border border-stroke2 bg-surface2 p-3 font-mono text-sm text-fg1" data-testid="mail-text">
              {text}
            </pre>
          )}
        </div>
      ))}
    </div>
  );
}
