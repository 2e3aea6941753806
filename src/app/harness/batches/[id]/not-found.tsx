import { NotFound } from "@/components/ui/not-found";

export default function BatchNotFound() {
  return <NotFound title="Batch not found">This batch does not exist, or it is not yours.</NotFound>;
}
