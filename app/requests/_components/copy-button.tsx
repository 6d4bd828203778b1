"use client";

import { useId, useState } from "react";
import { buttonStyles } from "@/app/_components/ui";

/**
 * Copies text to the clipboard and says so (also to screen readers). `label` names what is copied
 * and starts with the visible word "Copy", so speech users can say what they see (WCAG 2.5.3).
 * `compact`: a smaller button next to a single value in running text or a table cell.
 */
export function CopyButton({ text, label = "Copy", compact = false }: { text: string; label?: string; compact?: boolean }) {
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
    <button type="button" onClick={copy} className={`${buttonStyles.secondary} ${compact ? "min-h-7 shrink-0 px-2 text-xs" : ""}`} aria-label={label}>
      <svg aria-hidden="true" width={compact ? 14 : 16} height={compact ? 14 : 16} viewBox="0 0 16 16">
        <path
          fill="currentColor"
          d="M5 2a2 2 0 0 0-2 2v7h1V4a1 1 0 0 1 1-1h6V2H5Zm2 2a2 2 0 0 0-2 2v7a2 2 0 0 0 2 2h5a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2H7Zm0 1h5a1 1 0 0 1 1 1v7a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1Z"
        />
      </svg>
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Copy failed: select the text" : "Copy"}</span>
    </button>
  );
}

/** A single value (a DNS name, an address) with its copy button beside it. */
export function CopyableValue({ value, what, testId }: { value: string; what: string; testId?: string }) {
  return (
    <span className="inline-flex max-w-full flex-wrap items-start gap-x-2 gap-y-1">
      <span className="min-w-0 break-all font-mono text-xs" data-testid={testId}>
        {value}
      </span>
      <CopyButton text={value} label={`Copy ${what} ${value}`} compact />
    </span>
  );
}

/**
 * A block of code with a copy button: commands, Bicep. Long lines scroll sideways inside the
 * block, so the block is a named region that takes keyboard focus: keyboard users can scroll
 * it with the arrow keys, and screen readers announce what it holds (WCAG 2.1.1).
 */
export function CodeBlock({ code, label, testId }: { code: string; label: string; testId?: string }) {
  const labelId = useId();
  return (
    <div className="overflow-hidden rounded-fl border border-stroke2">
      <div className="flex items-center justify-between gap-2 border-b border-stroke2 bg-surface2 px-3 py-1.5">
        <span id={labelId} className="text-xs font-semibold text-fg2">
          {label}
        </span>
        <CopyButton text={code} label={`Copy ${label}`} />
      </div>
      <pre tabIndex={0} role="region" aria-labelledby={labelId} className="max-h-96 overflow-auto bg-surface3 p-3 text-xs leading-5" data-testid={testId}>
        <code className="font-mono">{code}</code>
      </pre>
    </div>
  );
}
