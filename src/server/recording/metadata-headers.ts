// Our own request headers: x-promptuary-user, x-promptuary-session, x-promptuary-property-<name>
// and x-promptuary-capture (metadata: keep everything but bodies and texts).

export type CaptureMetadata = {
  endUser: string | null;
  sessionId: string | null;
  properties: Record<string, string>;
  captureMode: "full" | "metadata";
};

const MAX_VALUE = 512;
const MAX_PROPERTIES = 50;
const PROPERTY_PREFIX = "x-promptuary-property-";

const clip = (v: string | undefined) => (v ? v.slice(0, MAX_VALUE) : null);

/** `headers` are lower-cased x-promptuary-* headers. */
export function readCaptureMetadata(headers: Record<string, string>): CaptureMetadata {
  const properties: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!name.startsWith(PROPERTY_PREFIX) || Object.keys(properties).length >= MAX_PROPERTIES) continue;
    const key = name.slice(PROPERTY_PREFIX.length);
    if (key) properties[key] = value.slice(0, MAX_VALUE);
  }
  return {
    endUser: clip(headers["x-promptuary-user"]),
    sessionId: clip(headers["x-promptuary-session"]),
    properties,
    captureMode: headers["x-promptuary-capture"]?.trim().toLowerCase() === "metadata" ? "metadata" : "full",
  };
}
