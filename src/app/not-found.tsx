import { NotFound } from "@/components/ui/not-found";

/** Any address the app does not know, and records a page could not find (a license, a capture). */
export default function PageNotFound() {
  return <NotFound title="Page not found">There is nothing at this address, or it is not yours to see. Check the link, or sign in if it should be one of yours.</NotFound>;
}
