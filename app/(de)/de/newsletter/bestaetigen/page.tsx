import { confirmRoute } from "@/components/routes/confirm-route";

const route = confirmRoute("de");
export const metadata = route.metadata;
export default route.Page;
