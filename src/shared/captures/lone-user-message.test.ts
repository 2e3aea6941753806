import { describe, expect, it } from "vitest";
import { withoutLoneUserRole } from "./lone-user-message";

describe("withoutLoneUserRole", () => {
  it("drops the role of a text that is one user message", () => {
    expect(withoutLoneUserRole("user: Write a limerick about {{animal}}.")).toBe("Write a limerick about {{animal}}.");
  });
  it("keeps roles that show a conversation or instructions", () => {
    const chat = "user: hi\n\nassistant: hello\n\nuser: {{question}}";
    expect(withoutLoneUserRole(chat)).toBe(chat);
    const withSystem = "You are terse.\n\nuser: {{question}}";
    expect(withoutLoneUserRole(withSystem)).toBe(withSystem);
  });
  it("leaves text that does not start with a user role alone", () => {
    expect(withoutLoneUserRole("Summarise: user: x")).toBe("Summarise: user: x");
  });
});
