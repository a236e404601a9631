// Hand-written (generate.sh never touches it): verifying a webhook delivery per Standard Webhooks,
// with Web Crypto (Node.js 20+, Deno, browsers).

/** How far `webhook-timestamp` may be from now, in seconds (either way). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/** A delivery failed verification: do not trust its body. */
export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookVerificationError";
  }
}

/** The delivery's headers: a `Headers` object or a plain record (e.g. Node's `req.headers`). */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

function header(headers: WebhookHeaders, name: string): string {
  if (typeof (headers as Headers).get === "function") {
    return (headers as Headers).get(name) ?? "";
  }
  const record = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
}

function base64(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/**
 * Verifies a webhook delivery and resolves to its parsed body (the event envelope `{id, type,
 * version, timestamp, data}`): `webhook-timestamp` must be within {@link WEBHOOK_TOLERANCE_SECONDS}
 * of `now` (unix seconds), and one `v1,` signature of `webhook-signature` must be the base64
 * HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` under the secret (`whsec_` + base64 key;
 * during a rotation the header carries one signature per secret). Pass the body exactly as received
 * (the raw string or bytes, not re-serialized JSON). Deduplicate on `webhook-id`: retries and
 * redeliveries of one event carry the same id.
 * @throws {WebhookVerificationError} when the delivery is not authentic or its timestamp is too far off.
 */
export async function verifyWebhook<T = unknown>(
  secret: string,
  headers: WebhookHeaders,
  body: string | Uint8Array,
  now: number = Math.floor(Date.now() / 1000),
): Promise<T> {
  const keyBytes = base64(secret.startsWith("whsec_") ? secret.slice(6) : secret);
  if (keyBytes === undefined || keyBytes.length === 0) {
    throw new WebhookVerificationError("the secret is not a whsec_ secret");
  }
  const id = header(headers, "webhook-id");
  const timestamp = header(headers, "webhook-timestamp");
  if (!/^\d{1,15}$/.test(timestamp)) {
    throw new WebhookVerificationError("webhook-timestamp is not a number");
  }
  if (Math.abs(now - Number(timestamp)) > WEBHOOK_TOLERANCE_SECONDS) {
    throw new WebhookVerificationError("webhook-timestamp is too old or too far in the future");
  }
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  const prefix = new TextEncoder().encode(`${id}.${timestamp}.`);
  const signed = new Uint8Array(prefix.length + bytes.length);
  signed.set(prefix);
  signed.set(bytes, prefix.length);
  const key = await crypto.subtle.importKey(
    "raw",
    keyBytes,
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["verify"],
  );
  for (const candidate of header(headers, "webhook-signature").split(" ")) {
    const tag = candidate.startsWith("v1,") ? base64(candidate.slice(3)) : undefined;
    if (tag !== undefined && (await crypto.subtle.verify("HMAC", key, tag, signed))) {
      return JSON.parse(new TextDecoder().decode(bytes)) as T;
    }
  }
  throw new WebhookVerificationError("no signature matches");
}
