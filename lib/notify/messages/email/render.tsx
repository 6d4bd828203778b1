import { Link } from "@react-email/components";
import { render } from "@react-email/render";
import type { NotificationFacts } from "../../facts";
import { describeNotification } from "../describe";
import { clip, oneLine } from "../format";
import { linkLabel, safeLink, settingsLink } from "../links";
import { NotificationBody } from "./body";
import { EmailLayout } from "./layout";

export type RenderedEmail = { subject: string; html: string; text: string };

/** What the email can say about why the reader gets it, beyond the facts. */
export type EmailContext = {
  /** The provider's route this email is delivered through. */
  routeName?: string | null;
};

/** Subjects stay scannable in an inbox and can carry no header injection: one line, at most 120 characters. */
export const SUBJECT_MAX = 120;

export function emailSubject(title: string): string {
  return clip(oneLine(title), SUBJECT_MAX);
}

/**
 * The email of a notification: subject, HTML and plain text. Pure apart from rendering: every
 * word comes from the facts (and the route it goes through). React escapes all data in the HTML.
 */
export async function renderEmail(facts: NotificationFacts, context: EmailContext = {}): Promise<RenderedEmail> {
  const text = describeNotification(facts);
  const href = safeLink(facts.link);
  const email = (
    <EmailLayout preview={text.summary} title={text.title} action={{ href, label: linkLabel(facts) }} why={<Why facts={facts} context={context} />}>
      <NotificationBody facts={facts} text={text} />
    </EmailLayout>
  );
  const [html, plain] = await Promise.all([
    render(email),
    render(email, {
      plainText: true,
      // Headings keep their case, and line breaks people wrote (a request message) stay.
      htmlToTextOptions: {
        preserveNewlines: true,
        selectors: [
          { selector: "h1", options: { uppercase: false } },
          { selector: "table.details", format: "dataTable", options: { uppercaseHeaderCells: false } },
        ],
      },
    }),
  ]);
  return { subject: emailSubject(text.title), html, text: plain.trim() + "\n" };
}

function Why({ facts, context }: { facts: NotificationFacts; context: EmailContext }) {
  if (facts.audience === "consumer") {
    const settings = settingsLink(facts);
    return (
      <>
        You get this email because you filed this request in Crosslink. Choose which emails you get in your notification settings:{" "}
        <Link href={settings}>{settings}</Link>
      </>
    );
  }
  if (facts.type === "route.disabled" && facts.route) {
    return <>You get this email because you are responsible for the notification route “{oneLine(facts.route.name)}” in Crosslink.</>;
  }
  const route = context.routeName ?? facts.route?.name;
  if (route) return <>You get this email because the Crosslink notification route “{oneLine(route)}” sends these notifications to this address.</>;
  return <>You get this email because this address is on one of your organization&apos;s Crosslink notification routes.</>;
}
