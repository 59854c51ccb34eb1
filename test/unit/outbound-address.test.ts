import { describe, expect, test } from "vitest";
import { endpointUrlRefusal, isPublicAddress } from "../../src/lib/outboundAddress";

// Each private address in the notations an attacker would try: the URL parser and DNS
// hand these over in whatever form they were written.
const privateHosts = [
  "127.0.0.1",
  "127.1",
  "0x7f000001",
  "2130706433",
  "0177.0.0.1",
  "10.0.0.5",
  "172.16.3.4",
  "172.31.255.255",
  "192.168.1.10",
  "169.254.169.254",
  "168.63.129.16",
  "100.64.0.1",
  "100.100.100.200",
  "0.0.0.0",
  "224.0.0.1",
  "255.255.255.255",
  "192.0.2.1",
  "198.51.100.7",
  "203.0.113.9",
  "198.18.0.1",
  "240.0.0.1",
  "[::1]",
  "[::]",
  "[fe80::1]",
  "[fc00::1]",
  "[fd00:ec2::254]",
  "[::ffff:127.0.0.1]",
  "[::ffff:7f00:1]",
  "[::ffff:a9fe:a9fe]",
  "[::127.0.0.1]",
  "[::8.8.8.8]",
  "[::ffff:0:a00:1]",
  "[64:ff9b::a00:1]",
  "[64:ff9b::127.0.0.1]",
  "[64:ff9b:1::808:808]",
  "[2002:0a00:0001::]",
  "[2002:7f00:1::1]",
  "[2001:0:4136:e378:8000:63bf:f5ff:fffe]",
  "[2001:db8::1]",
  "[ff02::1]",
  "[fec0::1]",
  "localhost",
  "LOCALHOST",
  "localhost.",
  "foo.localhost",
  "printer.local",
  "metadata.google.internal",
  "db.internal",
  "router.home.arpa",
  "intranet",
];

describe("endpointUrlRefusal", () => {
  test.each([
    "https://hooks.example.com/plats",
    "https://hooks.example.com:8443/in?token=abc",
    "https://8.8.8.8/hook",
    "https://[2606:4700:4700::1111]/hook",
    "https://[64:ff9b::808:808]/hook",
    "https://[2002:808:808::1]/hook",
    "https://[::ffff:8.8.8.8]/hook",
    "https://1.2.3.4.example.com/hook",
  ])("allows %s", (url) => {
    expect(endpointUrlRefusal(url, false)).toBeNull();
  });

  test.each(privateHosts)("refuses the private host %s, unless allowPrivate", (host) => {
    expect(endpointUrlRefusal(`https://${host}/hook`, false)).toBe("private_address");
    expect(endpointUrlRefusal(`https://${host}/hook`, true)).toBeNull();
    expect(endpointUrlRefusal(`http://${host}:8787/hook`, true)).toBeNull();
  });

  test("plain http only when private destinations are allowed", () => {
    expect(endpointUrlRefusal("http://hooks.example.com/plats", false)).toBe("not_https");
    expect(endpointUrlRefusal("http://hooks.example.com/plats", true)).toBeNull();
  });

  const long = `https://hooks.example.com/${"a".repeat(3000)}`;
  test.each([
    ["ftp://hooks.example.com/x", "invalid_url"],
    ["file:///etc/passwd", "invalid_url"],
    ["javascript:alert(1)", "invalid_url"],
    ["/relative/path", "invalid_url"],
    ["hooks.example.com/plats", "invalid_url"],
    ["", "invalid_url"],
    ["https://", "invalid_url"],
    ["https://exa mple.com/", "invalid_url"],
    ["https://a.b.1/", "invalid_url"],
    [long, "invalid_url"],
    ["https://user:pass@hooks.example.com/", "credentials"],
    ["https://user@hooks.example.com/", "credentials"],
    ["https://:secret@hooks.example.com/", "credentials"],
    ["http://user:pass@127.0.0.1/", "credentials"],
  ] as const)("refuses %s as %s, also with allowPrivate", (url, refusal) => {
    expect(endpointUrlRefusal(url, false)).toBe(refusal);
    expect(endpointUrlRefusal(url, true)).toBe(refusal);
  });

  test("the length limit is 2000 characters", () => {
    const base = "https://hooks.example.com/";
    expect(endpointUrlRefusal(base + "a".repeat(2000 - base.length), false)).toBeNull();
    expect(endpointUrlRefusal(base + "a".repeat(2001 - base.length), false)).toBe("invalid_url");
  });
});

describe("isPublicAddress", () => {
  test.each([
    "8.8.8.8",
    "1.1.1.1",
    "93.184.216.34",
    "172.32.0.1",
    "100.128.0.1",
    "2606:4700:4700::1111",
    "2a00:1450:4010:c05::64",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
    "2002:808:808::1",
  ])("%s is public", (ip) => {
    expect(isPublicAddress(ip)).toBe(true);
  });

  test.each([
    // "::8.8.8.8" is left to the URL test: as text, ipaddr.js reads it as ::ffff:8.8.8.8,
    // while the URL parser (and DNS) give ::808:808, which is refused.
    ...privateHosts.filter((h) => /^[\d[]/.test(h) && h !== "[::8.8.8.8]").map((h) => h.replace(/^\[|\]$/g, "")),
    "::808:808",
    "fe80::1%eth0",
    "4000::1",
    "not an address",
    "",
    "example.com",
  ])("%s is not public", (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });
});
