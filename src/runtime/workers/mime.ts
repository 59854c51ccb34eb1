import type { OutgoingMail } from "../../mail/mailer";

/**
 * The raw RFC 5322 message for an `OutgoingMail`, built with web APIs only so it runs in
 * workerd (nodemailer's composer does not). One multipart/alternative: text, HTML and,
 * when there is an invite, a `text/calendar; method=…` part whose method matches the
 * METHOD inside — Outlook takes only such a part as an invite. mimetext and
 * worker-mailer were tried: both put a calendar only into an attachment.
 */
export function buildMime(mail: OutgoingMail, { date = new Date(), boundary = newBoundary() } = {}): string {
  const headers: [string, string][] = [
    ["Message-ID", mail.messageId],
    ["Date", date.toUTCString().replace(/GMT$/, "+0000")],
    ["From", mailbox(mail.from)],
    ...(mail.replyTo ? ([["Reply-To", mailbox(mail.replyTo)]] as [string, string][]) : []),
    ["To", mailbox({ name: mail.to.name, address: mail.to.address })],
    ["Subject", encodeWords(oneLine(mail.subject))],
    ["MIME-Version", "1.0"],
    ...Object.entries(mail.headers).map(([k, v]): [string, string] => [k, encodeWords(oneLine(v))]),
    ["Content-Type", `multipart/alternative; boundary="${boundary}"`],
  ];
  const parts = [
    part("text/plain; charset=utf-8", "quoted-printable", quotedPrintable(mail.text)),
    part("text/html; charset=utf-8", "quoted-printable", quotedPrintable(mail.html)),
    ...(mail.calendar
      ? [part(`text/calendar; charset=utf-8; method=${mail.calendar.method}`, "base64", base64Lines(mail.calendar.content))]
      : []),
  ];
  const head = headers.map(([k, v]) => fold(`${k}: ${v}`)).join(CRLF);
  return `${head}${CRLF}${CRLF}${parts.map((p) => `--${boundary}${CRLF}${p}${CRLF}`).join("")}--${boundary}--${CRLF}`;
}

/** The bare address of a mailbox such as `Plats <noreply@example.se>`. */
export const addressOf = (mailboxText: string) => /<([^>]+)>/.exec(mailboxText)?.[1]?.trim() ?? mailboxText.trim();

const CRLF = "\r\n";
const newBoundary = () => `plats-${crypto.randomUUID()}`;

const part = (contentType: string, encoding: string, body: string) =>
  `Content-Type: ${contentType}${CRLF}Content-Transfer-Encoding: ${encoding}${CRLF}${CRLF}${body}`;

// A value must never carry a line break of its own (header injection); folds are ours.
const oneLine = (value: string) => value.replace(/[\r\n]+/g, " ");

/** `"Name" <address>`, or an encoded word when the name is not plain ASCII. */
function mailbox(input: string | { name: string; address: string }): string {
  const parsed =
    typeof input === "string"
      ? { name: /^\s*"?(.*?)"?\s*</.exec(input)?.[1] ?? "", address: addressOf(input) }
      : input;
  const name = oneLine(parsed.name).trim();
  const address = oneLine(parsed.address).trim();
  if (!name) return `<${address}>`;
  const shown = /^[\x20-\x7e]*$/.test(name) ? `"${name.replace(/(["\\])/g, "\\$1")}"` : encodeWords(name);
  return `${shown} <${address}>`;
}

const utf8 = new TextEncoder();

export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * A header line folded at spaces (RFC 5322 2.2.3) so that no line passes 78 characters
 * where a space allows it; unfolding gives the line back.
 */
function fold(line: string, max = 78): string {
  const lines: string[] = [];
  let current = "";
  line.split(" ").forEach((word, i) => {
    if (i > 0 && current.length + 1 + word.length > max && current.trim()) {
      lines.push(current);
      current = ` ${word}`;
    } else current = i === 0 ? word : `${current} ${word}`;
  });
  lines.push(current);
  return lines.join(CRLF);
}

/**
 * RFC 2047 B-encoded words for a header value that is not plain ASCII, never splitting a
 * character; the space between them is where the line gets folded.
 */
export function encodeWords(value: string): string {
  if (/^[\x20-\x7e]*$/.test(value) && value.length <= 900) return value;
  const words: string[] = [];
  let chunk = "";
  for (const ch of value) {
    // 39 bytes encode to 52 base64 characters: with `=?UTF-8?B?` and `?=`, 64 in all,
    // which leaves room for the header's name on the first line.
    if (utf8.encode(chunk + ch).length > 39) {
      words.push(chunk);
      chunk = "";
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${toBase64(utf8.encode(w))}?=`).join(" ");
}

/** Base64 in lines of 76 characters. */
function base64Lines(text: string): string {
  return (toBase64(utf8.encode(text)).match(/.{1,76}/g) ?? []).join(CRLF);
}

/**
 * Quoted-printable (RFC 2045) of UTF-8 text: lines end in CRLF, none longer than 76
 * characters, and spaces before a line end are encoded so no relay strips them.
 */
export function quotedPrintable(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => {
      const bytes = utf8.encode(line);
      let out = "";
      let width = 0;
      bytes.forEach((b, i) => {
        const last = i === bytes.length - 1;
        const literal = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last);
        const token = literal ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, "0")}`;
        if (width + token.length > 75) {
          out += `=${CRLF}`;
          width = 0;
        }
        out += token;
        width += token.length;
      });
      return out;
    })
    .join(CRLF);
}
