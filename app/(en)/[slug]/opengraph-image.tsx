import { contentOgImage, ogAlt, ogSize } from "@/components/routes/og-routes";

const image = contentOgImage("en");
export const alt = ogAlt("en");
export const size = ogSize;
export const contentType = "image/png";
export const generateStaticParams = image.generateStaticParams;
export default image.Image;
