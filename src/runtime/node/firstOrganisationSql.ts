import type { Language } from "../../db/schema";
import { serviceContext } from "../../domain/context";
import { createMember } from "../../domain/accounts";
import { createApiToken, createOrganisation } from "../../domain/organisations";
import { mintLoginLink } from "../../domain/accounts";
import { migrateDatabase, openDatabase } from "./database";

// Tables a new organisation writes rows into, in an order that satisfies foreign keys.
const tables = ["organisations", "api_tokens", "users", "login_links"] as const;

const literal = (v: unknown) =>
  v === null || v === undefined ? "NULL" : typeof v === "number" || typeof v === "bigint" ? String(v) : `'${String(v).replaceAll("'", "''")}'`;

/**
 * The first organisation of a D1 database, as SQL for `wrangler d1 execute --file`: the
 * `plats` command cannot reach D1, so the real services make the rows in a throwaway
 * in-memory database (same migrations, same rules, same hashing) and they are printed as
 * INSERTs. The API token and the owner's sign-in link exist only in the returned values.
 */
export async function firstOrganisationSql({
  publicUrl,
  organisation,
  owner,
  linkTtlMs,
}: {
  publicUrl: string;
  organisation: Parameters<typeof createOrganisation>[0]["input"];
  owner: { email: string; name?: string; language?: Language };
  linkTtlMs: number;
}) {
  const database = await openDatabase("file::memory:");
  try {
    await migrateDatabase(database.db);
    const ctx = serviceContext({ db: database.db, publicUrl });
    const org = await createOrganisation({ ctx, input: organisation });
    const token = await createApiToken({ ctx, input: { orgId: org.id, name: "First token" } });
    const member = await createMember({ ctx, input: { orgId: org.id, ...owner, role: "owner" } });
    const link = await mintLoginLink(ctx, member.id, linkTtlMs);
    const statements: string[] = [];
    for (const table of tables) {
      const result = await database.client.execute(`SELECT * FROM ${table}`);
      for (const row of result.rows)
        statements.push(`INSERT INTO ${table} (${result.columns.join(", ")}) VALUES (${result.columns.map((c) => literal(row[c])).join(", ")});`);
    }
    return { sql: statements.join("\n"), token, signInUrl: `${ctx.publicUrl}/admin/login/link/${link}`, slug: org.slug };
  } finally {
    database.close();
  }
}
