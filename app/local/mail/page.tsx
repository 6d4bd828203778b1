import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { pageData } from "@/app/_lib/page";
import { AutoRefresh } from "@/app/provider/_components/auto-refresh";
import { Timestamp } from "@/app/_components/timestamp";
import { buttonStyles, cardStyles } from "@/app/_components/ui";
import { inputStyles } from "@/app/requests/_components/field";
import { catcherUrlOrNotFound, isDown, listCaughtMail } from "./_lib/catcher";
import { CatcherDown } from "./_components/catcher-down";
import { ClearAllButton } from "./_components/clear-all-button";

export const metadata: Metadata = { title: "Mail (local)" };

const SHOWN = 100;
const filterSchema = z.object({ to: z.string().trim().max(320).optional().catch(undefined) });

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Local mode only: every email Crosslink sent, as the local mail catcher caught it, newest first.
 * Anyone signed in may look (the demo users are all one person trying Crosslink out).
 */
export default async function LocalMailPage({ searchParams }: Props) {
  const url = await catcherUrlOrNotFound();
  const { to } = filterSchema.parse(await searchParams);
  const list = await pageData({}, () => listCaughtMail(url, { to: to || undefined, limit: SHOWN }));
  const now = new Date();

  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Caught mail</h1>
        <p className="text-fg2">Every email Crosslink sends in local mode lands here, newest first. None of it leaves this machine.</p>
      </div>

      <div className="flex flex-wrap items-end justify-between gap-4">
        <form method="get" role="search" aria-label="Caught mail" className="flex w-full flex-wrap items-end gap-2 sm:w-auto">
          <div className="min-w-0 flex-1 space-y-1.5 sm:w-72 sm:flex-none">
            <label htmlFor="mail-to" className="block text-sm font-semibold text-fg1">
              Recipient
            </label>
            <input id="mail-to" name="to" type="search" defaultValue={to ?? ""} placeholder="An address, or part of one" autoComplete="off" className={inputStyles} />
          </div>
          <button type="submit" className={buttonStyles.secondary}>
            Filter
          </button>
          {to && (
            <Link href="/local/mail" className={buttonStyles.subtle}>
              Show all
            </Link>
          )}
        </form>
        {!isDown(list) && list.total > 0 && !to && <ClearAllButton />}
      </div>

      {isDown(list) ? (
        <CatcherDown url={list.url} />
      ) : (
        <>
          <AutoRefresh intervalMs={3000} message="New mail appears here by itself." />
          <section className={cardStyles} aria-labelledby="mail-list-heading">
            <h2 id="mail-list-heading" className="sr-only">
              {to ? `Mail to ${to}` : "All caught mail"}
            </h2>
            {list.messages.length === 0 ? (
              <p className="text-sm text-fg2">{to ? `No mail to an address containing “${to}”.` : "No mail yet. File a request, and the email Crosslink sends appears here."}</p>
            ) : (
              <>
                <ul className="divide-y divide-stroke2" data-testid="mail-list">
                  {list.messages.map((m) => (
                    <li key={m.id}>
                      <Link href={`/local/mail/${encodeURIComponent(m.id)}`} className="block rounded-fl px-2 py-3 hover:bg-surface2 focus-visible:bg-surface2">
                        <span className="flex flex-wrap items-baseline justify-between gap-x-3">
                          <span className="min-w-0 font-semibold text-fg1 wrap-anywhere">{m.subject || "(no subject)"}</span>
                          <Timestamp date={new Date(m.receivedAt)} now={now} className="shrink-0 text-xs text-fg3" />
                        </span>
                        <span className="mt-0.5 block text-sm text-fg2 wrap-anywhere">
                          From {m.from} · To {m.to.join(", ")}
                        </span>
                      </Link>
                    </li>
                  ))}
                </ul>
                {list.total > list.messages.length && (
                  <p className="mt-3 text-sm text-fg3">
                    Showing the newest {list.messages.length} of {list.total}.
                  </p>
                )}
              </>
            )}
          </section>
        </>
      )}
    </div>
  );
}
