import { Heading, Link, Text } from "@react-email/components";
import { EmailLayout, emailHeading, emailText } from "@/components/emails/email-layout";
import { dictionary, fill } from "@/lib/i18n/dictionary";
import type { Language } from "@/lib/i18n/languages";

/**
 * To the person who asked. Fixed wording with nothing they typed (not even the name), so the
 * form cannot be used to send someone else a message of the sender's choosing. For the same
 * reason the booking link is the bare page, without the name and email the site prefills.
 */
export function InquiryReceiptEmail({
  coachName,
  practiceName,
  bookingUrl,
  language,
}: {
  coachName: string;
  practiceName: string;
  /** The coach's booking page, when there is one. */
  bookingUrl?: string;
  /** The language of the page the person wrote from. */
  language: Language;
}) {
  const words = dictionary(language).emails.receipt;
  return (
    <EmailLayout
      language={language}
      preview={words.preview}
      footerText={fill(words.footer, { practice: practiceName })}
    >
      <Heading as="h1" style={emailHeading}>
        {words.heading}
      </Heading>
      <Text style={emailText}>{words.body}</Text>
      {bookingUrl && (
        <Text style={emailText}>
          {words.booking} <Link href={bookingUrl}>{bookingUrl}</Link>
        </Text>
      )}
      <Text style={emailText}>{words.urgent}</Text>
      <Text style={emailText}>{coachName}</Text>
    </EmailLayout>
  );
}
