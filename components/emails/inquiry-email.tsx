import { Heading, Section, Text } from "@react-email/components";
import { EmailLayout, emailHeading, emailText } from "@/components/emails/email-layout";
import type { Inquiry } from "@/lib/inquiry/validation";

const label = {
  fontSize: "12px",
  textTransform: "uppercase" as const,
  letterSpacing: "0.08em",
  color: "#5b625f",
  margin: "0 0 4px",
};
const message = {
  ...emailText,
  whiteSpace: "pre-wrap" as const,
  backgroundColor: "#ffffff",
  padding: "16px",
  borderRadius: "8px",
  border: "1px solid #e4ded3",
};

/** To the coach. Every value is user text: React escapes it; nothing is inserted as HTML. */
export function InquiryEmail({ inquiry }: { inquiry: Inquiry }) {
  const rows: [string, string | undefined][] = [
    ["Name", inquiry.name],
    ["Email", inquiry.email],
    ["Company", inquiry.company],
    ["Role", inquiry.role],
  ];
  return (
    <EmailLayout
      preview={`Intro call inquiry from ${inquiry.name}`}
      footerText={`Sent by the contact form on the website. Reply to this email to answer ${inquiry.name} directly.`}
    >
      <Heading as="h1" style={emailHeading}>
        New intro call inquiry
      </Heading>
      {rows.map(([name, value]) => (
        <Section key={name}>
          <Text style={label}>{name}</Text>
          <Text style={emailText}>{value ?? "—"}</Text>
        </Section>
      ))}
      <Text style={label}>What they would like to work on</Text>
      <Text style={message}>{inquiry.message}</Text>
    </EmailLayout>
  );
}
