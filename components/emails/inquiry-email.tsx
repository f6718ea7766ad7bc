import { Heading, Section, Text } from "@react-email/components";
import { EmailLayout, emailHeading, emailText } from "@/components/emails/email-layout";
import type { Inquiry } from "@/lib/inquiry/validation";
import { dictionary, fill } from "@/lib/i18n/dictionary";
import type { Language } from "@/lib/i18n/languages";

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
export function InquiryEmail({
  inquiry,
  language,
  wroteIn,
}: {
  inquiry: Inquiry;
  /** The coach's language, which this email is written in. */
  language: Language;
  /** The language of the page the person used. */
  wroteIn: Language;
}) {
  const words = dictionary(language);
  const email = words.emails.inquiry;
  const rows: [string, string | undefined][] = [
    [email.name, inquiry.name],
    [email.email, inquiry.email],
    [email.company, inquiry.company],
    [email.role, inquiry.role],
    [email.language, words.common.languageNames[wroteIn]],
  ];
  return (
    <EmailLayout
      language={language}
      preview={fill(email.subject, { name: inquiry.name })}
      footerText={fill(email.footer, { name: inquiry.name })}
    >
      <Heading as="h1" style={emailHeading}>
        {email.heading}
      </Heading>
      {rows.map(([name, value]) => (
        <Section key={name}>
          <Text style={label}>{name}</Text>
          <Text style={emailText}>{value ?? "—"}</Text>
        </Section>
      ))}
      <Text style={label}>{email.message}</Text>
      <Text style={message}>{inquiry.message}</Text>
    </EmailLayout>
  );
}
