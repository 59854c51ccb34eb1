import { defineConfig } from "drizzle-kit";

// `npm run db:generate` after a schema change; the SQL lands in migrations/, which both
// the Node migrator and `wrangler d1 migrations apply` read.
export default defineConfig({
  dialect: "sqlite",
  schema: "./src/db/schema/index.ts",
  out: "./migrations",
});
