import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, emailHeading, emailText } from "@/components/emails/email-layout";
import { dictionary, fill } from "@/lib/i18n/dictionary";
import type { Language } from "@/lib/i18n/languages";

const button = {
  backgroundColor: "#0f4c45",
  color: "#ffffff",
  borderRadius: "999px",
  padding: "12px 24px",
  fontWeight: 600,
  fontSize: "16px",
  textDecoration: "none",
};

/**
 * Double opt-in: plain, with no advertising, as German practice requires of a confirmation
 * request. The link opens a page with a button; opening it alone subscribes nobody.
 */
export function NewsletterConfirmationEmail({
  confirmUrl,
  practiceName,
  expiresOn,
  language,
}: {
  confirmUrl: string;
  practiceName: string;
  /** Already formatted for reading, in `language`. */
  expiresOn: string;
  language: Language;
}) {
  const words = dictionary(language).emails.confirmation;
  return (
    <EmailLayout
      language={language}
      preview={fill(words.preview, { practice: practiceName })}
      footerText={fill(words.footer, { practice: practiceName })}
    >
      <Heading as="h1" style={emailHeading}>
        {words.heading}
      </Heading>
      <Text style={emailText}>{words.body}</Text>
      <Button href={confirmUrl} style={button}>
        {words.button}
      </Button>
      <Text style={{ ...emailText, marginTop: "24px" }}>
        {words.fallback} <Link href={confirmUrl}>{confirmUrl}</Link>
      </Text>
      <Text style={emailText}>{fill(words.validUntil, { date: expiresOn })}</Text>
    </EmailLayout>
  );
}
