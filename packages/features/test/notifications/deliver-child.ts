// Test support for multi-process.test.ts: a separate process that connects to DATABASE_URL,
// says "ready", waits for "go" on stdin, then runs delivery passes until the outbox is empty
// and prints its totals as JSON.
import { createInterface } from "node:readline";
import { createPostgresClient, setPrisma } from "@slotbase/prisma";
import { deliverDueNotifications } from "../../notifications";

async function main(): Promise<void> {
  const prisma = createPostgresClient(process.env.DATABASE_URL!);
  setPrisma(prisma);
  await prisma.$queryRaw`SELECT 1`;
  const lines = createInterface({ input: process.stdin });
  const go = new Promise<void>((resolve) => lines.on("line", (line) => line.trim() === "go" && resolve()));
  process.stdout.write("ready\n");
  await go;
  lines.close();
  const total = { sent: 0, retried: 0, failed: 0, passes: 0 };
  for (;;) {
    const pass = await deliverDueNotifications({ limit: 5 });
    total.passes += 1;
    total.sent += pass.sent;
    total.retried += pass.retried;
    total.failed += pass.failed;
    if (pass.sent + pass.retried + pass.failed === 0) break;
  }
  process.stdout.write(`${JSON.stringify(total)}\n`);
  await prisma.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
