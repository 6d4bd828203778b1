import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Text } from "@react-email/components";
import type { ReactNode } from "react";

/**
 * The frame of every Crosslink email: heading, body, one button to where the reader acts, and
 * why they got it. Plain on purpose: no background colours and no fixed text colour, so mail
 * clients that switch to dark mode can invert it cleanly; the button keeps white on blue, which
 * reads on both. The link is also written out for clients that drop buttons.
 */
export function EmailLayout(props: { preview: string; title: string; action: { href: string; label: string }; why: ReactNode; children: ReactNode }) {
  return (
    <Html lang="en" dir="ltr">
      <Head>
        <meta name="color-scheme" content="light dark" />
        <meta name="supported-color-schemes" content="light dark" />
      </Head>
      <Preview>{props.preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          <Text style={brand}>Crosslink</Text>
          <Heading as="h1" style={heading}>
            {props.title}
          </Heading>
          {props.children}
          <Button href={props.action.href} style={button}>
            {props.action.label}
          </Button>
          <Text style={small} data-skip-in-text="true">
            Or open this link: <Link href={props.action.href}>{props.action.href}</Link>
          </Text>
          <Hr style={rule} />
          <Text style={small}>{props.why}</Text>
        </Container>
      </Body>
    </Html>
  );
}

const font = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
const body = { fontFamily: font, margin: 0, padding: "16px 0" };
const container = { maxWidth: "600px", padding: "0 16px" };
const brand = { fontSize: "14px", fontWeight: 600, letterSpacing: "0.02em", margin: "0 0 8px" };
const heading = { fontSize: "20px", lineHeight: "28px", fontWeight: 600, margin: "0 0 16px" };
const button = {
  display: "inline-block",
  backgroundColor: "#2563eb",
  color: "#ffffff",
  borderRadius: "6px",
  padding: "10px 16px",
  fontSize: "15px",
  fontWeight: 600,
  textDecoration: "none",
  margin: "8px 0 4px",
};
const small = { fontSize: "13px", lineHeight: "20px", color: "#6b7280", wordBreak: "break-word" as const };
const rule = { borderColor: "#9ca3af", margin: "24px 0 8px" };
