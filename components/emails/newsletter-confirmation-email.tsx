import { Button, Heading, Link, Text } from "@react-email/components";
import { EmailLayout, emailHeading, emailText } from "@/components/emails/email-layout";

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
}: {
  confirmUrl: string;
  practiceName: string;
  expiresOn: string;
}) {
  return (
    <EmailLayout
      preview={`Please confirm your subscription to the ${practiceName} newsletter`}
      footerText={`Someone, hopefully you, entered this address in the newsletter form of ${practiceName}. If it was not you, ignore this email: without confirmation you will not be subscribed and will not hear from us again.`}
    >
      <Heading as="h1" style={emailHeading}>
        Please confirm your subscription
      </Heading>
      <Text style={emailText}>To receive the newsletter, confirm that this is your address:</Text>
      <Button href={confirmUrl} style={button}>
        Confirm subscription
      </Button>
      <Text style={{ ...emailText, marginTop: "24px" }}>
        If the button does not work, open this link: <Link href={confirmUrl}>{confirmUrl}</Link>
      </Text>
      <Text style={emailText}>The link is valid until {expiresOn}.</Text>
    </EmailLayout>
  );
}
