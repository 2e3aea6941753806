// Absolute dates in one fixed locale and time zone, so server and browser render the same text.
const dateFormat = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", timeZone: "UTC" });

export const formatDate = (value: Date | string) => dateFormat.format(new Date(value));
export const formatMonth = (value: Date | string) => monthFormat.format(new Date(value));
export const isoDate = (value: Date | string) => new Date(value).toISOString();
