/** Fluent 2 styled class names shared by buttons and links that look like buttons. */
const base =
  "inline-flex items-center justify-center gap-2 rounded-fl px-3 min-h-8 text-sm font-semibold transition-colors disabled:opacity-50 disabled:cursor-not-allowed";

export const buttonStyles = {
  primary: `${base} bg-brand text-on-brand hover:bg-brand-hover active:bg-brand-pressed`,
  secondary: `${base} border border-stroke bg-surface text-fg1 hover:bg-surface2`,
  subtle: `${base} text-fg1 hover:bg-surface2`,
} as const;

export const cardStyles = "rounded-fl-lg border border-stroke2 bg-surface p-5 shadow-sm";

/**
 * A link inside running text. Underlined, because its colour alone does not set it apart from
 * the text around it (WCAG 1.4.1: the brand colour is only 1.86:1 against body text).
 */
export const inlineLinkStyles = "text-brand-fg underline underline-offset-2 hover:decoration-2";
