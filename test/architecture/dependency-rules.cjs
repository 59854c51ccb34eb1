// The house rules for imports, checked by test/architecture/imports.test.ts on every `npm test`.
// A domain's index.ts is its public surface; everything else in its folder is inner.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: "no-circular", comment: "An import cycle makes the floors meaningless.", severity: "error", from: {}, to: { circular: true } },
    {
      name: "domain-through-index",
      comment: "Routes, pages, mail, runtimes and entries use a domain only through its index.ts.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/domain/" },
      to: { path: "^src/domain/[^/]+/", pathNot: "^src/domain/[^/]+/index\\.ts$" },
    },
    {
      name: "other-domain-through-index",
      comment: "One domain uses another only through that domain's index.ts.",
      severity: "error",
      from: { path: "^src/domain/([^/]+)/" },
      to: { path: "^src/domain/[^/]+/", pathNot: ["^src/domain/$1/", "^src/domain/[^/]+/index\\.ts$"] },
    },
    {
      name: "domain-knows-no-transport",
      comment: "The domain holds the rules; HTTP, runtimes and entries sit above it.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { path: ["^src/http/", "^src/runtime/", "^src/app\\.ts$", "^src/(node|worker|cli)\\.ts$", "node_modules/hono/"] },
    },
    {
      name: "node-only-in-node-runtime",
      comment: "Everything but the Node entries must load in workerd.",
      severity: "error",
      from: { path: "^src/", pathNot: ["^src/runtime/node/", "^src/(node|cli)\\.ts$"] },
      to: { dependencyTypes: ["core"] },
    },
  ],
  options: {
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^src/bin\\.mjs$" },
  },
};
