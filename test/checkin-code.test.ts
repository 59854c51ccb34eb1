import { describe, expect, it } from "vitest";
import { newKey } from "../src/lib/secrets";
import { qrPath, qrRuns } from "../src/lib/qrRuns";
import { checkinCode, checkinPass, formatCode, normaliseCode, parseScanned, verifyCode } from "../src/domain/checkin";
import { serviceContext } from "../src/domain/context";
import { checkinScript } from "../src/http/web/assets/checkinScript";

const key = "0f".repeat(32);
const id = "reg_abcdefghjkmnpqrstvwx";

describe("check-in codes", () => {
  it("are stable, 10 Crockford characters, and verify", () => {
    const code = checkinCode(key, id);
    expect(code).toMatch(/^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{10}$/);
    expect(checkinCode(key, id)).toBe(code);
    expect(verifyCode(key, id, code)).toBe(true);
    expect(formatCode(code)).toBe(`${code.slice(0, 5)}-${code.slice(5)}`);
  });

  it("differ per registration and per organisation key", () => {
    const other = newKey();
    expect(checkinCode(key, "reg_abcdefghjkmnpqrstvxy")).not.toBe(checkinCode(key, id));
    expect(checkinCode(other, id)).not.toBe(checkinCode(key, id));
    expect(verifyCode(other, id, checkinCode(key, id))).toBe(false);
  });

  it("reject a tampered code", () => {
    const code = checkinCode(key, id);
    for (let i = 0; i < code.length; i++) {
      const swapped = code[i] === "0" ? "1" : "0";
      expect(verifyCode(key, id, code.slice(0, i) + swapped + code.slice(i + 1))).toBe(false);
    }
    expect(verifyCode(key, id, code.slice(0, 9))).toBe(false);
    expect(verifyCode(key, id, `${code}0`)).toBe(false);
  });

  it("are read whatever the case, dashes and spaces, with look-alike letters as digits", () => {
    const code = checkinCode(key, id);
    const typed = [code, formatCode(code), formatCode(code).toLowerCase(), ` ${code.slice(0, 5)} ${code.slice(5)} `];
    for (const t of typed) expect(normaliseCode(t)).toBe(code);
    expect(normaliseCode("OIL00-11111")).toBe("01100" + "11111");
    expect(normaliseCode("ABCDE-1234")).toBeNull();
    expect(normaliseCode("ABCDE-1234U")).toBeNull();
    expect(normaliseCode("")).toBeNull();
  });

  it("parse a scanned link, its last part, or a typed code, and nothing else", () => {
    const code = checkinCode(key, id);
    expect(parseScanned(`https://plats.test/admin/c/${id}.${code}`)).toEqual({ registrationId: id, code });
    expect(parseScanned(`${id}.${code.toLowerCase()}`)).toEqual({ registrationId: id, code });
    expect(parseScanned(formatCode(code))).toEqual({ registrationId: null, code });
    expect(parseScanned("https://evil.example/")).toBeNull();
    expect(parseScanned(`reg_x.${code}`)).toBeNull();
    expect(parseScanned("x".repeat(1000))).toBeNull();
  });

  it("give a pass with the typed form and the QR link", () => {
    const ctx = serviceContext({ db: null as never, publicUrl: "https://plats.test/" });
    const pass = checkinPass(ctx, key, id)!;
    expect(pass.code).toBe(formatCode(checkinCode(key, id)));
    expect(pass.url).toBe(`https://plats.test/admin/c/${id}.${checkinCode(key, id)}`);
    expect(checkinPass(ctx, null, id)).toBeNull();
  });
});

describe("QR runs", () => {
  it("cover every module of every row exactly once, with a quiet zone", () => {
    const { size, rows } = qrRuns("https://plats.test/admin/c/reg_abcdefghjkmnpqrstvwx.ABCDE12345");
    for (const runs of rows) expect(runs.reduce((n, [, len]) => n + len, 0)).toBe(size);
    expect(rows[0]).toEqual([[false, size]]);
    expect(qrPath("x").d).toMatch(/^M\d+ \d+h\d+v1h-\d+z/);
  });
});

describe("the door's script", () => {
  it("is valid JavaScript", () => {
    expect(() => new Function(checkinScript)).not.toThrow();
  });
});
