import { Heading, Text } from "@react-email/components";
import { EmailLayout, emailHeading, emailText } from "@/components/emails/email-layout";

/**
 * To the person who asked. Fixed wording with nothing they typed (not even the name), so the
 * form cannot be used to send someone else a message of the sender's choosing.
 */
export function InquiryReceiptEmail({
  coachName,
  practiceName,
}: {
  coachName: string;
  practiceName: string;
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
      <Text style={emailText}>If anything is urgent, simply reply to this email.</Text>
      <Text style={emailText}>{coachName}</Text>
    </EmailLayout>
  );
}
