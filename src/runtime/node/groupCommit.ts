import type { Client, InStatement, ResultSet, Transaction, TransactionMode } from "@libsql/client";

interface Pending {
  statements: InStatement[];
  resolve(results: ResultSet[]): void;
  reject(err: unknown): void;
}

type Done = [Pending, ResultSet[]];

const MAX_GROUP = 64;
const SAVEPOINT = "plats_batch";

/**
 * Group commit for write batches on one local libSQL connection. Batches asked for in the
 * same turn of the event loop run one after another, in arrival order, in one
 * transaction, so a flash crowd of signups pays for one BEGIN/COMMIT and one WAL append
 * per group instead of per signup.
 *
 * Each batch runs as if inside its own SAVEPOINT (see runInTransaction). When one fails (a double-clicked signup
 * breaks the UNIQUE index on live registrations), only its savepoint is rolled back: it
 * rejects with its own error and leaves nothing behind, while the batches before and
 * after it in the group run once and commit together. The outcome is that of running the
 * batches alone one after another, which is what a single SQLite connection does anyway.
 * Callers hear of success only after COMMIT.
 *
 * The group holds the client's one connection across awaits, and @libsql/client refuses
 * any other use of a connection an open transaction holds; so while a group is open,
 * everything else asked of the client waits for it to end.
 */
export function groupCommit(client: Client): void {
  const runBatch = client.batch.bind(client);
  const transaction = client.transaction.bind(client);
  const queue: Pending[] = [];
  let flushing = false;
  let open: Promise<void> | undefined;

  const groupEnded = async () => {
    while (open) await open;
  };
  const afterGroup =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      open ? groupEnded().then(() => run(...args)) : run(...args);

  async function runGroup(group: Pending[]) {
    let ended!: () => void;
    // Set before asking for the transaction: the pool hands the connection over to it
    // a few microtasks before the transaction object reaches us.
    open = new Promise((resolve) => (ended = resolve));
    let committed: Done[] = [];
    try {
      committed = await runInTransaction(group);
    } finally {
      open = undefined;
      ended();
    }
    for (const [p, results] of committed) p.resolve(results);
  }

  /**
   * Runs the group's batches and returns the committed ones, rejecting the failed. Most
   * groups fail nowhere, so they first run without savepoints (two statements fewer per
   * batch); should a batch fail, that transaction is rolled back whole and the group runs
   * again with each batch in its savepoint. Nothing committed in between, so the outcome
   * is the same as running it that way at once.
   */
  async function runInTransaction(group: Pending[]): Promise<Done[]> {
    return (await attempt(group, false)) ?? (await attempt(group, true)) ?? [];
  }

  /** One try at the group; undefined when a batch failed without savepoints (nothing committed, nobody told). */
  async function attempt(group: Pending[], savepoints: boolean): Promise<Done[] | undefined> {
    let tx: Transaction;
    try {
      tx = await transaction("write");
    } catch (err) {
      // Typically SQLITE_BUSY: another process held the lock for the whole busy_timeout.
      // Each batch would wait that long again, blocking the event loop. Fail them all.
      group.forEach((p) => p.reject(err));
      return [];
    }
    const done: Done[] = [];
    let next = 0;
    try {
      for (; next < group.length; next++) {
        const p = group[next]!;
        if (savepoints) await tx.execute(`SAVEPOINT ${SAVEPOINT}`);
        try {
          const results = await tx.batch(p.statements);
          if (savepoints) await tx.execute(`RELEASE ${SAVEPOINT}`);
          done.push([p, results]);
        } catch (err) {
          if (!savepoints && !tx.closed) {
            await tx.rollback();
            return undefined;
          }
          p.reject(err);
          if (tx.closed) {
            // The error ended the transaction itself (e.g. INSERT OR ROLLBACK), taking the
            // batches done so far with it: none of them committed, so they run again in
            // the next group, ahead of later arrivals.
            queue.unshift(...done.map(([q]) => q), ...group.slice(next + 1));
            return [];
          }
          await tx.execute(`ROLLBACK TO ${SAVEPOINT}`);
          await tx.execute(`RELEASE ${SAVEPOINT}`);
        }
      }
      await tx.commit();
      return done;
    } catch (err) {
      // The transaction failed, not a batch (SAVEPOINT, ROLLBACK TO or COMMIT refused):
      // nothing of this group committed.
      for (const [p] of done) p.reject(err);
      for (const p of group.slice(next)) p.reject(err);
      return [];
    } finally {
      tx.close();
    }
  }

  async function flush() {
    const group = queue.splice(0, MAX_GROUP);
    try {
      if (group.length === 1) await runBatch(group[0]!.statements, "write").then(group[0]!.resolve, group[0]!.reject);
      else await runGroup(group);
    } finally {
      // The next group after I/O has had its turn, so it gathers what arrived meanwhile.
      if (queue.length) setImmediate(flush);
      else flushing = false;
    }
  }

  client.batch = (statements: InStatement[], mode: TransactionMode = "write") => {
    if (mode !== "write") return afterGroup(runBatch)(statements, mode);
    return new Promise<ResultSet[]>((resolve, reject) => {
      queue.push({ statements, resolve, reject });
      if (!flushing) {
        flushing = true;
        setImmediate(flush);
      }
    });
  };
  client.execute = afterGroup(client.execute.bind(client)) as Client["execute"];
  client.executeMultiple = afterGroup(client.executeMultiple.bind(client));
  client.migrate = afterGroup(client.migrate.bind(client));
  client.transaction = afterGroup(transaction);
}
