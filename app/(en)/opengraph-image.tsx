import { homeOgImage, ogAlt, ogSize } from "@/components/routes/og-routes";

export const alt = ogAlt("en");
export const size = ogSize;
export const contentType = "image/png";
export default homeOgImage("en");
