import { Section, Text } from "@react-email/components";
import type { NotificationFacts } from "../../facts";
import type { NotificationText } from "../describe";
import { detailRows } from "../details";

/**
 * The body of a notification email: the summary, the next steps, and the facts at a glance.
 * A request's email lists who asks, for what and where it stands; a route's email names the
 * route. The words come from describeNotification, so the email says what every channel says.
 */
export function NotificationBody({ facts, text }: { facts: NotificationFacts; text: NotificationText }) {
  return (
    <>
      <Text style={paragraph}>{text.summary}</Text>
      {text.nextSteps.length > 0 && (
        <Section>
          <Text style={label}>What to do</Text>
          <ol style={list}>
            {text.nextSteps.map((step, i) => (
              <li key={i} style={item}>
                {step}
              </li>
            ))}
          </ol>
        </Section>
      )}
      <Details rows={detailRows(facts)} />
    </>
  );
}

function Details({ rows }: { rows: { label: string; value: string }[] }) {
  if (rows.length === 0) return null;
  return (
    <table className="details" role="presentation" cellPadding={0} cellSpacing={0} style={table}>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label}>
            <th scope="row" style={th}>
              {row.label}
            </th>
            <td style={td}>{row.value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const paragraph = { fontSize: "15px", lineHeight: "22px", whiteSpace: "pre-line" as const, margin: "0 0 16px" };
const label = { fontSize: "15px", fontWeight: 600, margin: "0 0 4px" };
const list = { fontSize: "15px", lineHeight: "22px", margin: "0 0 16px", paddingLeft: "20px" };
const item = { margin: "0 0 6px", wordBreak: "break-word" as const };
const table = { width: "100%", borderCollapse: "collapse" as const, fontSize: "14px", lineHeight: "20px", margin: "0 0 16px" };
const th = { textAlign: "left" as const, fontWeight: 600, padding: "4px 12px 4px 0", verticalAlign: "top", whiteSpace: "nowrap" as const };
const td = { padding: "4px 0", verticalAlign: "top", wordBreak: "break-word" as const };
