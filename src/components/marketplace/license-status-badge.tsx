import { Badge } from "@/components/ui/card";

/** "Active", or "Revoked — refunded" when a refund took the license back. */
export function LicenseStatusBadge({ status, receiptStatus }: { status: "active" | "revoked"; receiptStatus: string }) {
  if (status === "active") return <Badge tone="emerald">Active</Badge>;
  return <Badge tone="rose">{receiptStatus === "refunded" ? "Revoked — refunded" : "Revoked"}</Badge>;
}
