"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

type Overflow = { before: boolean; after: boolean };

/**
 * A sideways scroller for content wider than a phone (tables). While its content overflows it
 * says so: a shade on each side that has more, and a line of text under it; and it becomes a
 * named region that takes keyboard focus, so it can be scrolled with the arrow keys (WCAG 2.1.1).
 * Content that fits gets neither, so wide screens see a plain table and no extra tab stop.
 * `stickyEnd`: the content's last column sticks to the right edge (it casts its own shade).
 */
export function ScrollArea({ label, stickyEnd = false, children }: { label: string; stickyEnd?: boolean; children: ReactNode }) {
  const scroller = useRef<HTMLDivElement>(null);
  const [overflow, setOverflow] = useState<Overflow>({ before: false, after: false });

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => {
      const before = el.scrollLeft > 1;
      const after = el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
      setOverflow((o) => (o.before === before && o.after === after ? o : { before, after }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    if (el.firstElementChild) observer.observe(el.firstElementChild);
    el.addEventListener("scroll", measure, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener("scroll", measure);
    };
  }, []);

  const scrollable = overflow.before || overflow.after;
  return (
    <div data-scrollable={scrollable || undefined}>
      <div className="relative">
        {/* relative: screen-reader-only (absolutely positioned) text stays inside the scroll area. */}
        <div
          ref={scroller}
          className="relative overflow-x-auto"
          role={scrollable ? "region" : undefined}
          aria-label={scrollable ? label : undefined}
          tabIndex={scrollable ? 0 : undefined}
        >
          {children}
        </div>
        {overflow.before && <span aria-hidden="true" className="pointer-events-none absolute inset-y-0 left-0 w-5 bg-gradient-to-r from-fg1/15 to-transparent" />}
        {overflow.after && !stickyEnd && <span aria-hidden="true" className="pointer-events-none absolute inset-y-0 right-0 w-5 bg-gradient-to-l from-fg1/15 to-transparent" />}
      </div>
      {scrollable && (
        <p aria-hidden="true" className="mt-1 text-xs text-fg3" data-testid="scroll-cue">
          {overflow.after ? "More columns: scroll sideways →" : "← Scroll back for the first columns"}
        </p>
      )}
    </div>
  );
}
