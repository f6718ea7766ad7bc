import { newsletterOgImage, ogAlt, ogSize } from "@/components/routes/og-routes";

export const alt = ogAlt("de");
export const size = ogSize;
export const contentType = "image/png";
export default newsletterOgImage("de");
