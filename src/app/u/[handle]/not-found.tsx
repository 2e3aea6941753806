import { NotFound } from "@/components/ui/not-found";

export default function UserNotFound() {
  return <NotFound title="Creator not found">Nobody on Promptuary uses that handle. Check the spelling, or find creators through their prompts.</NotFound>;
}
