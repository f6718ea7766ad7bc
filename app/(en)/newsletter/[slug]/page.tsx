import { issueRoute } from "@/components/routes/newsletter-routes";

const route = issueRoute("en");
export const dynamicParams = false;
export const generateStaticParams = route.generateStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;
