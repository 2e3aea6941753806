// Server-side request forgery guard for webhook URLs: only http(s), and never an address inside the
// host's networks (loopback, private, link-local, CGNAT, multicast, unspecified, their IPv6 forms and
// IPv4 mapped into IPv6). Checked when an endpoint is registered and again at every delivery, on the
// addresses DNS gives then: the delivery connects to the address that was checked (`guardedLookup`),
// so a name that re-resolves to 127.0.0.1 between check and connect (DNS rebinding) gets nowhere.
// WEBHOOK_ALLOW_PRIVATE_URLS=true lifts the address rule (tests, e2e, instances on a private network).
import "server-only";
import { lookup as dnsLookup } from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { env } from "@/env";

const blocked = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8], // "this network", 0.0.0.0
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata (169.254.169.254)
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved, broadcast
] as const) blocked.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96], // NAT64 of any IPv4 address: checked through its embedded IPv4 below
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10],
  ["ff00::", 8], // multicast
] as const) blocked.addSubnet(net, prefix, "ipv6");

/** The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d) or NAT64 (64:ff9b::a.b.c.d) IPv6 address. */
function embeddedIpv4(address: string): string | null {
  const m = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (m) return m[1];
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (!hex) return null;
  const [hi, lo] = [parseInt(hex[1], 16), parseInt(hex[2], 16)];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join(".");
}

/** Whether an IP address is one a webhook may not be sent to (inside the host's networks). */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, "ipv4");
  if (family === 6) {
    const v4 = embeddedIpv4(address);
    if (v4) return blocked.check(v4, "ipv4");
    return blocked.check(address, "ipv6");
  }
  return true;
}

export const privateUrlsAllowed = () => env.WEBHOOK_ALLOW_PRIVATE_URLS;

export type UrlProblem = { problem: string };

/** The URL, parsed, or why it cannot be a webhook URL (scheme, credentials, fragment, shape). */
export function parseWebhookUrl(raw: string): URL | UrlProblem {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { problem: "must be a full URL like https://example.com/hooks" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { problem: "must start with http:// or https://" };
  if (url.username || url.password) return { problem: "must not contain a user name or password (put a token in the path instead)" };
  if (!url.hostname) return { problem: "must name a host" };
  return url;
}

const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, "");

function resolveAll(host: string): Promise<string[]> {
  return new Promise((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (error, addresses) => (error ? reject(error) : resolve(addresses.map((a) => a.address)))),
  );
}

/**
 * Why the URL may not receive webhooks now, or null when it may: the host must resolve, and (unless
 * private URLs are allowed) none of its addresses may be private.
 */
export async function urlRefusal(url: URL, allowPrivate = privateUrlsAllowed()): Promise<string | null> {
  const host = hostOf(url);
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await resolveAll(host);
    } catch {
      return `host ${host} does not resolve`;
    }
  }
  if (addresses.length === 0) return `host ${host} does not resolve`;
  if (allowPrivate) return null;
  const inside = addresses.find(isPrivateAddress);
  return inside ? `resolves to ${inside}, a loopback, private or link-local address; webhooks go to public addresses only` : null;
}

export class PrivateAddressError extends Error {
  readonly code = "EWEBHOOKPRIVATE";
  constructor(host: string, address: string) {
    super(`refused: ${host} resolves to ${address}, a loopback, private or link-local address`);
    this.name = "PrivateAddressError";
  }
}

/**
 * A `lookup` for http(s).request that refuses private addresses: the socket connects only to what
 * this function checked. IP-literal hosts never reach a lookup, so `urlRefusal` checks those first.
 */
export function guardedLookup(allowPrivate = privateUrlsAllowed()): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true, verbatim: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as { address: string; family: number }[];
      const bad = allowPrivate ? undefined : list.find((a) => isPrivateAddress(a.address));
      if (bad) return callback(new PrivateAddressError(hostname, bad.address), "", 0);
      if (list.length === 0) return callback(Object.assign(new Error(`host ${hostname} does not resolve`), { code: "ENOTFOUND" }), "", 0);
      if (options.all) return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}
