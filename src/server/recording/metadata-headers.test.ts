import { describe, expect, it } from "vitest";
import { readCaptureMetadata } from "./metadata-headers";

describe("readCaptureMetadata", () => {
  it("reads user, session, properties and capture mode", () => {
    expect(
      readCaptureMetadata({
        "x-promptuary-user": "u-42",
        "x-promptuary-session": "s-1",
        "x-promptuary-property-feature": "summary",
        "x-promptuary-property-env": "prod",
        "x-promptuary-capture": "Metadata",
      }),
    ).toEqual({ endUser: "u-42", sessionId: "s-1", properties: { feature: "summary", env: "prod" }, captureMode: "metadata" });
  });

  it("defaults to full capture with no metadata", () => {
    expect(readCaptureMetadata({})).toEqual({ endUser: null, sessionId: null, properties: {}, captureMode: "full" });
  });
});
