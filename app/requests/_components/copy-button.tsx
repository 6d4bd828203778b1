"use client";

import { useState } from "react";
import { buttonStyles } from "@/app/_components/ui";

/** Copies text to the clipboard and says so (also to screen readers). */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
    setTimeout(() => setState("idle"), 2500);
  };
  return (
    <button type="button" onClick={copy} className={buttonStyles.secondary} aria-label={label}>
      <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16">
        <path
          fill="currentColor"
          d="M5 2a2 2 0 0 0-2 2v7h1V4a1 1 0 0 1 1-1h6V2H5Zm2 2a2 2 0 0 0-2 2v7a2 2 0 0 0 2 2h5a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2H7Zm0 1h5a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1Z"
        />
      </svg>
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Copy failed: select the text" : "Copy"}</span>
    </button>
  );
}

/** A block of code with a copy button: commands, Bicep. */
export function CodeBlock({ code, label, testId }: { code: string; label: string; testId?: string }) {
  return (
    <div className="overflow-hidden rounded-fl border border-stroke2">
      <div className="flex items-center justify-between gap-2 border-b border-stroke2 bg-surface2 px-3 py-1.5">
        <span className="text-xs font-semibold text-fg2">{label}</span>
        <CopyButton text={code} label={`Copy ${label}`} />
      </div>
      <pre className="max-h-96 overflow-auto bg-surface3 p-3 text-xs leading-5" data-testid={testId}>
        <code className="font-mono">{code}</code>
      </pre>
    </div>
  );
}
