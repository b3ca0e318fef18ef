import { useTestDatabase } from "./support/database";
import { documentedOperations, freshDemo, runExample, type DemoState } from "./support/demo-examples";

/*
 * "Examples are tested": every operation's documented request example (its parameters and
 * body, as Swagger UI's "Try it out" sends them, dates filled in for today) is sent with the
 * demo seed's admin key to the API on a freshly seeded demo database, and must get the
 * operation's documented success status, with a body that matches the documented schema.
 * Examples that need another example's object first run that one first, as the operation's
 * description tells a reader to (REQUEST_EXAMPLES' `needs`). The data is seeded again after
 * anything that may have changed it, so each example meets the demo data as `yarn db:seed`
 * leaves it.
 */

useTestDatabase();

const operations = documentedOperations();
const byId = new Map(operations.map((op) => [op.operationId, op]));
let state: DemoState | undefined;

async function demo(): Promise<DemoState> {
  if (!state || state.dirty) state = await freshDemo();
  return state;
}

it("covers every documented operation, each with one success status (501 for the ones not supported)", () => {
  expect(operations.length).toBeGreaterThan(150);
  expect(operations.filter((op) => Number.isNaN(op.expectedStatus)).map((op) => op.operationId)).toEqual([]);
});

describe.each(operations.map((op) => [`${op.method} ${op.template}`, op] as const))("%s", (_name, op) => {
  it(`answers its example with ${op.expectedStatus}`, async () => {
    const { call, result } = await runExample(await demo(), op, byId);
    if (result.status !== op.expectedStatus) {
      throw new Error(
        `${call.method} ${call.template} (${op.operationId}) answered ${result.status}, documented ${op.expectedStatus}.\n` +
          `Request: ${JSON.stringify({ params: call.params, query: call.query, headers: call.headers, body: call.body })}\n` +
          `Response: ${JSON.stringify(result.body).slice(0, 1500)}`,
      );
    }
  });
});
