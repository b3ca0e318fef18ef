import { createApiKey, verifiedKeyCache } from "@slotbase/features";
import { seedDemoData } from "@slotbase/features/scripts/seed-demo-data";
import { getPrisma, Prisma } from "@slotbase/prisma";
import { fillExampleDates } from "../../lib/openapi/example-dates";
import { REQUEST_EXAMPLES, type Prerequisite } from "../../lib/openapi/examples/requests";
import { api, type ApiResult } from "./api";
import { assertMatchesDocumentedResponse, loadOpenApiDocument } from "./response-validator";
import { assertMatchesCalcomContract } from "./calcom-contract";

/*
 * Sends the documented request examples (lib/openapi/examples/requests.ts, as the generated
 * document carries them) to the API on the demo data, as Swagger UI's "Try it out" would
 * with the seed's key: every parameter that has an example, the body example, dates filled in
 * for today. Used by docs-examples.test.ts.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const HTTP_METHODS = ["get", "put", "post", "delete", "patch"] as const;

export interface DocumentedOperation {
  operationId: string;
  method: string;
  template: string;
  operation: Json;
  /** The documented 2xx status; for operations that only ever answer an error (501), that status. */
  expectedStatus: number;
}

/** Every operation of the generated document, in document order. */
export function documentedOperations(): DocumentedOperation[] {
  const document = loadOpenApiDocument();
  return Object.entries(document.paths as Record<string, Json>).flatMap(([template, item]) =>
    HTTP_METHODS.filter((method) => item[method]).map((method) => {
      const operation = item[method];
      const statuses = Object.keys(operation.responses).map(Number);
      const success = statuses.filter((status) => status >= 200 && status < 300);
      return {
        operationId: String(operation.operationId),
        method: method.toUpperCase(),
        template,
        operation,
        expectedStatus: success.length === 1 ? success[0]! : statuses.includes(501) ? 501 : NaN,
      };
    }),
  );
}

export interface DemoState {
  /** The seed's admin key (the key Swagger UI users paste from `yarn db:seed`). */
  key: string;
  /** Whether a request since the last seed may have changed the data. */
  dirty: boolean;
}

const SNAPSHOT_SCHEMA = "docs_examples_demo";

interface Snapshot {
  key: string;
  tables: string[];
  sequences: { name: string; value: bigint | null }[];
}

/** The demo data as first seeded in this test file's database, kept in a schema of its own. */
let snapshot: Snapshot | undefined;

async function tablesOf(prisma: Awaited<ReturnType<typeof getPrisma>>): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ tablename: string }[]>(
    Prisma.sql`SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  return rows.map((row) => row.tablename);
}

/**
 * The demo data as `yarn db:seed` leaves a fresh database: ids count from 1 in seed order. The
 * first call empties every table and seeds; it keeps a copy of every table, and later calls
 * put that copy back (seeding again takes ten times as long), sequences included.
 */
export async function freshDemo(): Promise<DemoState> {
  const prisma = await getPrisma();
  verifiedKeyCache.clear();
  if (snapshot) {
    const { tables, sequences } = snapshot;
    await prisma.$transaction(async (tx) => {
      // Rows are copied back as they were: no triggers, no foreign-key checks on the way.
      await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
      await tx.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t}"`).join(", ")}`);
      for (const table of tables) await tx.$executeRawUnsafe(`INSERT INTO "${table}" SELECT * FROM "${SNAPSHOT_SCHEMA}"."${table}"`);
      for (const { name, value } of sequences) {
        await tx.$executeRawUnsafe(value === null ? `SELECT setval('"${name}"', 1, false)` : `SELECT setval('"${name}"', ${value}, true)`);
      }
    });
    return { key: snapshot.key, dirty: false };
  }
  const tables = await tablesOf(prisma);
  await prisma.$executeRawUnsafe(`TRUNCATE ${tables.map((t) => `"${t}"`).join(", ")} RESTART IDENTITY CASCADE`);
  // The demo's bookings fall on the weekdays after the seed's day (demo-data.ts), whatever the clock says.
  const { adminKey } = await seedDemoData(prisma);
  await prisma.$executeRawUnsafe(`DROP SCHEMA IF EXISTS "${SNAPSHOT_SCHEMA}" CASCADE`);
  await prisma.$executeRawUnsafe(`CREATE SCHEMA "${SNAPSHOT_SCHEMA}"`);
  for (const table of tables) await prisma.$executeRawUnsafe(`CREATE TABLE "${SNAPSHOT_SCHEMA}"."${table}" AS TABLE "${table}"`);
  const sequences = await prisma.$queryRaw<{ name: string; value: bigint | null }[]>(
    Prisma.sql`SELECT sequencename AS name, last_value AS value FROM pg_sequences WHERE schemaname = current_schema()`,
  );
  snapshot = { key: adminKey, tables, sequences };
  return { key: adminKey, dirty: false };
}

/** The value at a dotted path (`webhook.id`, `data.0.id`) of a response body. */
function pick(body: Json, path: string): unknown {
  return path.split(".").reduce((node, key) => (node == null ? undefined : node[key]), body);
}

export interface ExampleCall {
  operationId: string;
  method: string;
  template: string;
  params: Record<string, string>;
  query: Record<string, string | string[]>;
  headers: Record<string, string>;
  body: unknown;
}

/** The request Swagger UI makes for an operation's examples, dates filled in for now; `values` replace documented parameter values. */
export function exampleCall(op: DocumentedOperation, values: Record<string, unknown> = {}): ExampleCall {
  const parameters = ((op.operation.parameters ?? []) as Json[]).filter((p) => typeof p.$ref !== "string");
  const now = new Date();
  const params: Record<string, string> = {};
  const query: Record<string, string | string[]> = {};
  const headers: Record<string, string> = {};
  for (const parameter of parameters) {
    const documented = parameter.example ?? (parameter.in === "header" ? parameter.schema?.example : undefined);
    if (documented === undefined && !(parameter.name in values)) continue;
    const raw = fillExampleDates(parameter.name in values ? values[parameter.name] : documented, now);
    const value = Array.isArray(raw) ? raw.map(String) : String(raw);
    if (parameter.in === "path") params[parameter.name] = value as string;
    else if (parameter.in === "query") query[parameter.name] = value;
    else if (parameter.in === "header") headers[parameter.name.toLowerCase()] = value as string;
  }
  const body = op.operation.requestBody?.content?.["application/json"]?.example;
  return { operationId: op.operationId, method: op.method, template: op.template, params, query, headers, body: body === undefined ? undefined : fillExampleDates(body, now) };
}

/** What an example relies on beyond the demo data and other examples (REQUEST_EXAMPLES' `setup`), arranged here. */
type Setup = (state: DemoState, values: Record<string, unknown>, headers: Record<string, string>) => Promise<void>;

const SETUPS: Record<string, Setup> = {
  // The demo's bookings are upcoming: seed-booking-1 is moved to have started a quarter of an hour ago.
  markNoShow: startSeedBooking,
  markAbsentV2: startSeedBooking,
  getPayment: async () => {
    const prisma = await getPrisma();
    await prisma.payment.create({
      data: { uid: "pay_5f2c8a1e", bookingId: 1, amount: 4900, currency: "eur", success: true, externalId: "pi_3Qx7Lk2eZvKYlo2C0c1d2e3f", appId: "stripe" },
    });
  },
  confirmUserEmail: async (_state, values) => {
    const prisma = await getPrisma();
    const bob = await prisma.user.findUniqueOrThrow({ where: { email: "bob@slotbase.dev" } });
    const { key } = await createApiKey(prisma, { userId: bob.id });
    const changed = await api("PATCH /v1/users/{id}", { params: { id: bob.id }, key, body: { email: "bob.miller@example.com" }, unchecked: true });
    if (changed.status !== 200) throw new Error(`changing Bob's email: ${changed.status} ${JSON.stringify(changed.body)}`);
    const mail = await prisma.notification.findFirstOrThrow({ where: { template: "account.email-change" }, orderBy: { createdAt: "desc" } });
    values.token = (mail.payload as { token: string }).token;
  },
  getCustomerAccount: customerAccountOfJordan,
  getBookingPreview: customerAccountOfJordan,
  runScheduledDelivery: async (_state, _values, headers) => {
    process.env.CRON_SECRET ??= "docs-examples-cron-secret";
    headers.authorization = `Bearer ${process.env.CRON_SECRET}`;
  },
};

async function startSeedBooking(): Promise<void> {
  const prisma = await getPrisma();
  const now = Date.now();
  await prisma.booking.update({ where: { uid: "seed-booking-1" }, data: { startTime: new Date(now - 15 * 60_000), endTime: new Date(now + 15 * 60_000) } });
}

async function customerAccountOfJordan(_state: DemoState, values: Record<string, unknown>): Promise<void> {
  const prisma = await getPrisma();
  const account = await prisma.customerAccount.findFirstOrThrow({ where: { email: "jordan.lee@example.com" } });
  values.account_id = account.uuid;
}

export interface ExampleResult {
  call: ExampleCall;
  result: ApiResult;
}

/**
 * Runs an operation's example as a Swagger UI user would on the demo data: first the examples
 * it needs (their own needs first), taking the values it names from their answers, then any
 * setup, then the example itself. Each response must match the documented schema of its status.
 */
export async function runExample(
  state: DemoState,
  op: DocumentedOperation,
  all: Map<string, DocumentedOperation>,
  known: Record<string, unknown> = {},
): Promise<ExampleResult> {
  // Values an earlier example already gave (the webhook a ping is sent to) are used, not made again.
  const values: Record<string, unknown> = { ...known };
  const example = REQUEST_EXAMPLES[op.operationId];
  for (const need of example?.needs ?? []) {
    const uses = Object.keys(need.uses ?? {});
    if (uses.length > 0 && uses.every((param) => param in values)) continue;
    await runNeed(state, need, all, values);
  }
  const headers: Record<string, string> = {};
  await SETUPS[op.operationId]?.(state, values, headers);
  if (example?.setup && !SETUPS[op.operationId]) throw new Error(`${op.operationId}: its example's setup ("${example.setup}") is not arranged in test/support/demo-examples.ts`);
  const call = exampleCall(op, values);
  Object.assign(call.headers, headers);
  if (call.body && typeof call.body === "object" && "token" in values) (call.body as Record<string, unknown>).token = values.token;
  const result = await send(state, call, op.operation.security);
  return { call, result };
}

async function runNeed(state: DemoState, need: Prerequisite, all: Map<string, DocumentedOperation>, values: Record<string, unknown>): Promise<void> {
  const op = all.get(need.operationId);
  if (!op) throw new Error(`needs ${need.operationId}, which is not documented`);
  const { call, result } = await runExample(state, op, all, values);
  if (result.status !== op.expectedStatus) {
    throw new Error(`the needed example ${call.method} ${call.template} answered ${result.status}: ${JSON.stringify(result.body).slice(0, 500)}`);
  }
  for (const [param, path] of Object.entries(need.uses ?? {})) {
    const value = pick(result.body, path);
    if (value === undefined) throw new Error(`${need.operationId}'s answer has no ${path}: ${JSON.stringify(result.body).slice(0, 500)}`);
    values[param] = value;
  }
}

/** Sends a call with the seed key as a Bearer token (public operations without), checking the answer against the document. */
async function send(state: DemoState, call: ExampleCall, security: Json): Promise<ApiResult> {
  const isPublic = Array.isArray(security) && security.length === 0;
  if (call.method !== "GET") state.dirty = true;
  const result = await api(`${call.method} ${call.template}`, {
    params: call.params,
    query: call.query,
    headers: call.headers,
    body: call.body,
    key: isPublic ? undefined : state.key,
    unchecked: true,
  });
  const contentType = String(result.headers["content-type"] ?? "").split(";")[0] || undefined;
  assertMatchesDocumentedResponse({ template: call.template, method: call.method, status: result.status, body: result.body, contentType });
  assertMatchesCalcomContract({ template: call.template, method: call.method, status: result.status, body: result.body, apiVersion: call.headers["cal-api-version"] });
  return result;
}
