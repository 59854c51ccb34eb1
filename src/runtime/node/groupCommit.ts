import type { Client, InStatement, ResultSet, TransactionMode } from "@libsql/client";

interface Pending {
  statements: InStatement[];
  resolve(results: ResultSet[]): void;
  reject(err: unknown): void;
}

const MAX_GROUP = 64;

const isBusy = (err: unknown) =>
  typeof err === "object" && err !== null && "code" in err && String(err.code).startsWith("SQLITE_BUSY");

/**
 * Group commit for write batches on one local libSQL connection. Batches asked for in the
 * same turn of the event loop run back to back in one transaction, so a flash crowd of
 * signups pays for one BEGIN/COMMIT and one WAL append per group instead of per signup.
 *
 * The outcome is exactly that of running the batches one after another, which is what a
 * single SQLite connection does anyway: every batch still commits atomically with all of
 * its statements. If any statement fails, the whole group rolls back and each batch is
 * run again on its own, so only the batch that failed sees the error.
 */
export function groupCommit(client: Client): void {
  const runBatch = client.batch.bind(client);
  let queue: Pending[] = [];

  const runAlone = (p: Pending) => runBatch(p.statements, "write").then(p.resolve, p.reject);

  const flush = async () => {
    const group = queue.splice(0, MAX_GROUP);
    if (queue.length) setImmediate(flush);
    if (group.length === 1) return runAlone(group[0]!);
    let results: ResultSet[];
    try {
      results = await runBatch(group.flatMap((p) => p.statements), "write");
    } catch (err) {
      // The database was locked by another process for the whole busy_timeout: every
      // batch would wait that long again, each blocking the event loop. Fail them all.
      if (isBusy(err)) return group.forEach((p) => p.reject(err));
      for (const p of group) await runAlone(p);
      return;
    }
    let at = 0;
    for (const p of group) {
      p.resolve(results.slice(at, at + p.statements.length));
      at += p.statements.length;
    }
  };

  client.batch = (statements: InStatement[], mode: TransactionMode = "write") => {
    if (mode !== "write") return runBatch(statements, mode);
    return new Promise<ResultSet[]>((resolve, reject) => {
      if (queue.push({ statements, resolve, reject }) === 1) setImmediate(flush);
    });
  };
}
