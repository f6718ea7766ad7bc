import { contentRoute } from "@/components/routes/content-routes";

const route = contentRoute("en");
export const dynamicParams = false;
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
