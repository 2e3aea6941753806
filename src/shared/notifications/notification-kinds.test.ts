import { describe, expect, it } from "vitest";
import { notificationText } from "./notification-kinds";

describe("notification text", () => {
  it("words a sale with its amount and a free claim as a claim, not a $0 sale", () => {
    const prompt = { title: "Release notes writer" };
    expect(notificationText({ kind: "listing_sale", actor: null, prompt, amount: "$12.00" })).toBe("You sold a license for your prompt “Release notes writer” ($12.00)");
    expect(notificationText({ kind: "listing_sale", actor: null, prompt, amount: "$0.00", free: true })).toBe("Someone claimed a free license for your prompt “Release notes writer”");
  });

  it("never names what the recipient may not know", () => {
    expect(notificationText({ kind: "prompt_fork", actor: null, prompt: null })).toBe("Someone forked one of your prompts");
    expect(notificationText({ kind: "comment_reply", actor: { handle: "ana", name: null }, prompt: null })).toBe("@ana replied to your comment on a prompt you can no longer see");
  });
});
