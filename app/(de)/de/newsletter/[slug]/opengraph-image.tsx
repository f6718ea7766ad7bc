import { issueOgImage, ogAlt, ogSize } from "@/components/routes/og-routes";

const image = issueOgImage("de");
export const alt = ogAlt("de");
export const size = ogSize;
export const contentType = "image/png";
export const generateStaticParams = image.generateStaticParams;
export default image.Image;
