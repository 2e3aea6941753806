import { NotFound } from "@/components/ui/not-found";

export default function PromptNotFound() {
  return <NotFound title="Prompt not found">This prompt does not exist, or it is private. Check the link, or sign in if it is one of yours.</NotFound>;
}
