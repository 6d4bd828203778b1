import type { ReactNode } from "react";
import { cardStyles } from "@/app/_components/ui";

/** One part of the form on its own card, named by its heading for landmarks and headings navigation. */
export function FormSection({ id, title, intro, children }: { id: string; title: string; intro: ReactNode; children: ReactNode }) {
  const headingId = `${id}-heading`;
  return (
    <section aria-labelledby={headingId} className={`${cardStyles} space-y-5`}>
      <div>
        <h2 id={headingId} className="text-base font-semibold">
          {title}
        </h2>
        <p className="text-sm text-fg2">{intro}</p>
      </div>
      {children}
    </section>
  );
}
