import { StateBadge } from "./state-badge";
import { Timestamp } from "./timestamp";
import { cardStyles } from "./ui";

/** One step of a request's history, as the request pages load it (StateTransition). */
export type TimelineStep = { id: string; fromState: string | null; toState: string; actorLabel: string; note: string | null; createdAt: Date };

/**
 * A request's history, oldest first: each change of state, who made it, when (UTC) and its note.
 * The consumer's and the provider's request pages show the same history the same way.
 */
export function Timeline({ steps }: { steps: TimelineStep[] }) {
  return (
    <section aria-labelledby="timeline-heading" className={`${cardStyles} min-w-0 space-y-4`}>
      <h2 id="timeline-heading" className="text-lg font-semibold">
        Timeline
      </h2>
      <ol className="relative space-y-4 border-l border-stroke2 pl-5" data-testid="timeline">
        {steps.map((t) => (
          <li key={t.id} className="relative">
            <span aria-hidden="true" className="absolute -left-[25px] top-1.5 h-2.5 w-2.5 rounded-full border-2 border-surface bg-brand" />
            {/* Badges and an arrow for the eye; one plain sentence for screen readers. */}
            <p className="text-sm">
              <span className="sr-only">{t.fromState && t.fromState !== t.toState ? `From ${t.fromState} to ${t.toState}` : t.toState}</span>
              <span aria-hidden="true" className="flex flex-wrap items-center gap-1.5">
                {/* A note within one state (e.g. waiting for the person) shows that state once. */}
                {t.fromState && t.fromState !== t.toState && (
                  <>
                    <StateBadge state={t.fromState} /> →{" "}
                  </>
                )}
                <StateBadge state={t.toState} />
              </span>
            </p>
            <p className="mt-1 text-xs text-fg2">
              {t.actorLabel} · <Timestamp date={t.createdAt} />
            </p>
            {t.note && <p className="mt-1 whitespace-pre-wrap break-words text-sm text-fg1">{t.note}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
