import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventBody, harness, type Harness } from "./helpers/harness";

// Events over the API run on both runtimes in test/api-behaviour/. What stays here needs
// write access to the database: its own CHECK holds against any writer.
let h: Harness;
beforeAll(async () => {
  h = await harness();
});
afterAll(() => h.close());

describe("events", () => {
  it("the database itself refuses an event that ends before it starts", async () => {
    const ev = await h.api("POST", "/events", eventBody());
    await expect(h.database.client.execute({ sql: "UPDATE events SET ends_at = starts_at WHERE id = ?", args: [ev.body.id] })).rejects.toThrow(
      /CHECK constraint failed: events_ends_after_start/,
    );
  });
});
