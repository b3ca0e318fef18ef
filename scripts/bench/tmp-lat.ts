import { createApiKey } from "@slotbase/features/api-keys/create-api-key";
import { createPostgresClient } from "@slotbase/prisma";
async function main() {
  const db: any = await createPostgresClient("postgresql://postgres@127.0.0.1:5432/slotbase_bench");
  const prisma = db.prisma ?? db;
  const { key } = await createApiKey(prisma, { userId: 1 });
  const urls = ["/", `/v1/me?apiKey=${key}`, `/v1/slots?apiKey=${key}&eventTypeId=1&startTime=2026-11-22&endTime=2026-12-21&timeZone=Europe/Berlin`];
  for (const u of urls) {
    const ts: number[] = [];
    for (let i = 0; i < 120; i++) { const t = performance.now(); const r = await fetch("http://127.0.0.1:3999" + u); await r.text(); if (i >= 20) ts.push(performance.now() - t); }
    ts.sort((a, b) => a - b);
    console.log(u.slice(0, 30), "p50", ts[50].toFixed(2), "p90", ts[90].toFixed(2));
  }
  process.exit(0);
}
main();
