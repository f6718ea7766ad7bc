import { Body, Container, Head, Hr, Html, Preview, Text } from "@react-email/components";
import type { Language } from "@/lib/i18n/languages";
import type { ReactNode } from "react";

const body = {
  backgroundColor: "#faf7f2",
  fontFamily: "Helvetica, Arial, sans-serif",
  color: "#1c1f1e",
};
const container = { maxWidth: "560px", margin: "0 auto", padding: "32px 24px" };
const footer = { fontSize: "12px", lineHeight: "18px", color: "#5b625f" };

export function EmailLayout({
  language,
  preview,
  footerText,
  children,
}: {
  language: Language;
  preview: string;
  footerText: ReactNode;
  children: ReactNode;
}) {
  return (
    <Html lang={language}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={container}>
          {children}
          <Hr style={{ borderColor: "#e4ded3", margin: "32px 0 16px" }} />
          <Text style={footer}>{footerText}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export const emailText = {
  fontSize: "16px",
  lineHeight: "26px",
  margin: "0 0 16px",
};
export const emailHeading = {
  fontSize: "22px",
  lineHeight: "30px",
  margin: "0 0 20px",
  fontWeight: 600,
};
