import { describe, expect, test } from "vitest";
import type { GetTarget } from "./common";

/**
 * Where a webhook may go, as each runtime ships (WEBHOOK_ALLOW_PRIVATE unset): https to
 * a public address only. Refused with `fields.url`, and nothing written.
 */
export function webhookUrlBehaviour(target: GetTarget) {
  describe("webhook endpoint URLs", () => {
    test("http, loopback, private, link-local and metadata addresses are refused", async () => {
      const t = target();
      const before = await t.sql("SELECT count(*) AS n FROM webhook_endpoints");
      const refused: [string, string][] = [
        ["http://crm.example.se/hooks", "webhook_not_https"],
        ["https://127.0.0.1/hooks", "webhook_private_address"],
        ["https://localhost:8443/hooks", "webhook_private_address"],
        ["https://10.1.2.3/hooks", "webhook_private_address"],
        ["https://192.168.1.20/hooks", "webhook_private_address"],
        ["https://169.254.169.254/latest/meta-data", "webhook_private_address"],
        ["https://[::1]/hooks", "webhook_private_address"],
        ["https://[::ffff:10.0.0.1]/hooks", "webhook_private_address"],
        ["https://metadata.google.internal/computeMetadata", "webhook_private_address"],
        ["https://user:secret@crm.example.se/hooks", "url"],
      ];
      for (const [url, code] of refused) {
        const res = await t.api("POST", "/webhooks", { url, events: ["registration.created"] });
        expect(res.status, url).toBe(400);
        expect(res.body, url).toMatchObject({ error: { code: "invalid_request", fields: { url: expect.any(String) }, fieldCodes: { url: { code } } } });
      }
      // The same rule when an endpoint's URL is changed.
      const ok = await t.api("POST", "/webhooks", { url: "https://crm.example.se/hooks", events: ["registration.created"] });
      expect(ok.status).toBe(201);
      const id = (ok.body as { id: string }).id;
      expect((await t.api("PATCH", `/webhooks/${id}`, { url: "https://10.0.0.8/x" })).status).toBe(400);
      expect(await t.api("GET", `/webhooks/${id}`)).toMatchObject({ body: { url: "https://crm.example.se/hooks" } });
      expect((await t.api("DELETE", `/webhooks/${id}`)).status).toBe(204);
      expect(await t.sql("SELECT count(*) AS n FROM webhook_endpoints")).toEqual(before);
    });
  });
}
