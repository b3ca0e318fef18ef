import pg from "pg";

/**
 * One statement failed on the server (severity ERROR: a constraint, a lock timeout, a
 * cancelled statement) and the connection is ready for the next one. FATAL and PANIC end the
 * session; socket errors carry no severity.
 */
export function isStatementError(error: unknown): boolean {
  return error instanceof pg.DatabaseError && error.severity === "ERROR";
}

/**
 * A node-postgres pool whose `pool.query` keeps its connection when the statement itself fails.
 * pg-pool's own `query` releases the client with the error, which closes the connection: every
 * 409 from the bookings' exclusion constraint would cost a new backend (fork, authentication and
 * every prepared statement parsed again, 10–40 ms), and a 50-way race for one slot turned into a
 * stream of reconnects. A connection error still removes the client, as before.
 */
export function createPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  const queryWithCallback = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  const query = async (...args: unknown[]) => {
    const client = await pool.connect();
    // A checked-out client has no pool listener: an 'error' event without one would crash the process.
    // The query's promise rejects with the same error, and the catch below drops the client.
    const ignore = () => {};
    client.on("error", ignore);
    try {
      const result = await (client.query as (...a: unknown[]) => Promise<unknown>)(...args);
      client.release();
      return result;
    } catch (error) {
      client.release(isStatementError(error) ? undefined : (error as Error));
      throw error;
    } finally {
      client.removeListener("error", ignore);
    }
  };
  pool.query = ((...args: unknown[]) =>
    typeof args[args.length - 1] === "function" ? queryWithCallback(...args) : query(...args)) as typeof pool.query;
  return pool;
}
