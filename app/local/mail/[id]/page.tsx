import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { pageData } from "@/app/_lib/page";
import { Timestamp } from "@/app/_components/timestamp";
import { cardStyles } from "@/app/_components/ui";
import { idOrNotFound } from "@/lib/core/parse";
import { catcherUrlOrNotFound, getCaughtMail, isDown } from "../_lib/catcher";
import { CatcherDown } from "../_components/catcher-down";
import { MailViews } from "../_components/mail-views";

export const metadata: Metadata = { title: "Mail (local)" };

type Props = { params: Promise<{ id: string }> };

/** One caught message: who, what, every header, and the body as HTML or text. */
export default async function CaughtMailPage({ params }: Props) {
  const url = await catcherUrlOrNotFound();
  const { id } = await params;
  const mail = await pageData({}, () => getCaughtMail(url, idOrNotFound(id, "message")));
  if (mail === null) notFound();

  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/local/mail" className="text-brand-fg hover:underline">
          Caught mail
        </Link>
      </p>
      {isDown(mail) ? (
        <CatcherDown url={mail.url} />
      ) : (
        <>
          <div className="space-y-2">
            <h1 className="text-2xl font-semibold wrap-anywhere" data-testid="mail-subject">
              {mail.subject || "(no subject)"}
            </h1>
            <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_minmax(0,1fr)]">
              <dt className="text-fg3">From</dt>
              <dd className="wrap-anywhere" data-testid="mail-from">
                {mail.from}
              </dd>
              <dt className="text-fg3">To</dt>
              <dd className="wrap-anywhere" data-testid="mail-to">
                {mail.to.join(", ")}
              </dd>
              <dt className="text-fg3">Received</dt>
              <dd>
                <Timestamp date={new Date(mail.receivedAt)} />
              </dd>
            </dl>
          </div>

          <section className={`${cardStyles} min-w-0`} aria-labelledby="mail-body-heading">
            <h2 id="mail-body-heading" className="sr-only">
              Message
            </h2>
            <MailViews html={mail.html} text={mail.text} />
          </section>

          <details className={`${cardStyles} min-w-0`}>
            <summary className="cursor-pointer text-lg font-semibold">Headers ({mail.headers.length})</summary>
            <dl className="mt-3 grid gap-x-4 gap-y-1 font-mono text-xs sm:grid-cols-[max-content_minmax(0,1fr)]" data-testid="mail-headers">
              {mail.headers.map((h, i) => (
                <div key={i} className="contents">
                  <dt className="font-semibold text-fg2">{h.name}</dt>
                  <dd className="mb-2 text-fg1 wrap-anywhere sm:mb-0">{h.value}</dd>
                </div>
              ))}
            </dl>
          </details>
        </>
      )}
    </div>
  );
}
