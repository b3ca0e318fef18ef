import { PrismaPg } from "@prisma/adapter-pg";
import {
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQueryable,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import pg from "pg";

// The schema engine reads catalog columns of PostgreSQL's internal one-byte type "char"
// (pg_constraint.contype, pg_class.relkind, ...) and insists they are typed Character, but
// @prisma/adapter-pg 7.10 has no mapping for that type: `new PrismaPg(url)` fails with "Column
// type 'char' could not be deserialized". So the pg client reports such columns as text (which
// the adapter accepts) with a marker on the column name, and a thin wrapper around the adapter
// turns marked columns back into Character. node-postgres already returns their values as strings.
const INTERNAL_CHAR_OID = 18;
const TEXT_OID = 25;
const CHAR_COLUMN_MARKER = "\u0000internal-char";

type QueryResultLike = { fields?: { dataTypeID: number; name: string }[] };
type Callback = (error: Error | undefined, result: unknown) => void;

function markInternalCharColumns<T>(result: T): T {
  for (const field of (result as QueryResultLike | undefined)?.fields ?? []) {
    if (field.dataTypeID !== INTERNAL_CHAR_OID) continue;
    field.dataTypeID = TEXT_OID;
    field.name += CHAR_COLUMN_MARKER;
  }
  return result;
}

class MarkingClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const query = (super.query as (...params: unknown[]) => unknown).bind(this);
    // Both forms: the pool calls its clients with a callback, transactions await promises.
    const markingQuery = (...params: unknown[]): unknown => {
      const last = params.at(-1);
      if (typeof last === "function") {
        const callback = last as Callback;
        params[params.length - 1] = ((error, result) =>
          callback(error, error ? result : markInternalCharColumns(result))) as Callback;
      }
      const result = query(...params);
      return result instanceof Promise ? result.then(markInternalCharColumns) : result;
    };
    Object.assign(this, { query: markingQuery });
  }
}

function restoreCharColumns(result: SqlResultSet): SqlResultSet {
  const columnTypes = [...result.columnTypes];
  const columnNames = result.columnNames.map((name, i) => {
    if (!name.endsWith(CHAR_COLUMN_MARKER)) return name;
    columnTypes[i] = ColumnTypeEnum.Character;
    return name.slice(0, -CHAR_COLUMN_MARKER.length);
  });
  return { ...result, columnNames, columnTypes };
}

function withCharColumns<T extends SqlQueryable>(queryable: T): T {
  return new Proxy(queryable, {
    get(target, property) {
      if (property === "queryRaw") {
        return async (query: Parameters<SqlQueryable["queryRaw"]>[0]) => restoreCharColumns(await target.queryRaw(query));
      }
      if (property === "startTransaction") {
        return async (...args: Parameters<SqlDriverAdapter["startTransaction"]>) =>
          withCharColumns(await (target as unknown as SqlDriverAdapter).startTransaction(...args));
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export interface SchemaEngineConnection {
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

/** A driver adapter on PostgreSQL that the schema engine can introspect through. Close it when done. */
export function postgresForSchemaEngine(connectionString: string): SchemaEngineConnection {
  const pool = new pg.Pool({ connectionString, Client: MarkingClient });
  const inner = new PrismaPg(pool);
  const adapterFactory: SqlMigrationAwareDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => withCharColumns(await inner.connect()),
    connectToShadowDb: async () => withCharColumns(await inner.connectToShadowDb()),
  };
  return { adapterFactory, close: () => pool.end() };
}
