import { NotFound } from "@/components/ui/not-found";

export default function CollectionNotFound() {
  return <NotFound title="Collection not found">This collection does not exist, or it is private. Check the link, or sign in if it is one of yours.</NotFound>;
}
