// The notification kinds are declared once in src/shared; the database declares the same enum in
// schema.prisma. A kind added to one and not the other would fail at run time: fail here instead.
import { describe, expect, it } from "vitest";
import { NotificationKind } from "@/generated/prisma/enums";
import { NOTIFICATION_KINDS, NOTIFICATION_LABELS, notificationText } from "@/shared/notifications/notification-kinds";

const sorted = (names: readonly string[]) => [...names].sort();

describe("notification vocabulary", () => {
  it("names exactly the kinds the database knows, each with a label and a sentence", () => {
    expect(sorted(NOTIFICATION_KINDS)).toEqual(sorted(Object.values(NotificationKind)));
    expect(sorted(Object.keys(NOTIFICATION_LABELS))).toEqual(sorted(NOTIFICATION_KINDS));
    for (const kind of NOTIFICATION_KINDS) expect(notificationText({ kind, actor: null, prompt: null }).length).toBeGreaterThan(10);
  });
});
