import { exactTime, relativeAge } from "@/app/_lib/dates";

/**
 * A point in time as a <time> element: the exact UTC time, or with `now` the relative age (for
 * lists) with the exact time in its tooltip. The machine-readable value is always the ISO time.
 * A narrow column breaks an exact time between its date and its time, never inside either.
 */
export function Timestamp({ date, now, className }: { date: Date; now?: Date; className?: string }) {
  const exact = exactTime(date);
  const [day, ...time] = exact.split(" ");
  return (
    <time dateTime={date.toISOString()} title={now ? exact : undefined} className={className}>
      {now ? (
        relativeAge(date, now)
      ) : (
        <>
          <span className="whitespace-nowrap">{day}</span> <span className="whitespace-nowrap">{time.join(" ")}</span>
        </>
      )}
    </time>
  );
}
