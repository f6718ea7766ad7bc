import { Heading, Link, Text } from "@react-email/components";
import { EmailLayout, emailHeading, emailText } from "@/components/emails/email-layout";

/**
 * To the person who asked. Fixed wording with nothing they typed (not even the name), so the
 * form cannot be used to send someone else a message of the sender's choosing. For the same
 * reason the booking link is the bare page, without the name and email the site prefills.
 */
export function InquiryReceiptEmail({
  coachName,
  practiceName,
  bookingUrl,
}: {
  coachName: string;
  practiceName: string;
  /** The coach's booking page, when there is one. */
  bookingUrl?: string;
}) {
  return (
    <EmailLayout
      preview="Your message has arrived. I reply within two working days."
      footerText={`You receive this because someone entered this address in the contact form of ${practiceName}. If that was not you, ignore this email: nothing else will follow.`}
    >
      <Heading as="h1" style={emailHeading}>
        Thank you for getting in touch
      </Heading>
      <Text style={emailText}>
        Your message has arrived. I read every inquiry myself and reply within two working days to find a time
        for a free, 30-minute intro call.
      </Text>
      {bookingUrl && (
        <Text style={emailText}>
          If you would rather not wait, pick a time for the intro call now:{" "}
          <Link href={bookingUrl}>{bookingUrl}</Link>
        </Text>
      )}
      <Text style={emailText}>If anything is urgent, simply reply to this email.</Text>
      <Text style={emailText}>{coachName}</Text>
    </EmailLayout>
  );
}
