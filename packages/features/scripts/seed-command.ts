// What `yarn db:seed [--new-key] [--hide-key]` does once the database is open (seed.ts opens it).
//
// Output: what was seeded, a line starting "Demo admin key: " saying whether the key is the
// kept one or new (and why), the file it is kept in, then the key alone on the last line, so other scripts can pick it
// up with `tail -n 1`. With --hide-key the last line is instead the file the key is kept in
// (demo-admin-key.ts) and the key is written nowhere else: the quick start reads it from
// there and prints it once, at the end, so it is never in the seed's echoed output.
import { parseArgs } from "node:util";
import type { OpenDatabase } from "@slotbase/prisma";
import { demoKeyFile, type DemoKeyOutcome } from "./demo-admin-key";
import { DEMO_BOOKINGS, DEMO_CALENDAR_BOOKINGS, DEMO_EVENT_TYPES, DEMO_TEAM, DEMO_USERS } from "./demo-data";
import { seedDemoData } from "./seed-demo-data";

export const SEED_USAGE = "Usage: yarn db:seed [--new-key] [--hide-key]";

export interface SeedCommandOptions {
  /** The seed's clock (default: now). */
  now?: Date;
  /** Where the key is kept (default: demoKeyFile() for the configured database). */
  keyFile?: string;
  /** Where the lines go (default: stdout). */
  print?: (line: string) => void;
}

/** Reads the flags; throws with the usage on anything else. */
export function seedFlags(args: string[]): { newKey: boolean; hideKey: boolean } {
  try {
    const { values } = parseArgs({ args, options: { "new-key": { type: "boolean", default: false }, "hide-key": { type: "boolean", default: false } } });
    return { newKey: values["new-key"] ?? false, hideKey: values["hide-key"] ?? false };
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${SEED_USAGE}`);
  }
}

/** For people: whether the key is the kept one or new, and why (never the key itself). */
export function describeKey(outcome: DemoKeyOutcome): string {
  if (outcome.status === "kept") return "the same as last time";
  switch (outcome.reason) {
    case "requested":
      if (outcome.revoked === 0) return "NEW, as asked (--new-key); there was no earlier seed key to revoke";
      return `NEW, as asked (--new-key): ${outcome.revoked === 1 ? "the previous seed key no longer works" : `the ${outcome.revoked} previous seed keys no longer work`}`;
    case "invalid":
      return `NEW: the kept one no longer works (${outcome.detail})`;
    default:
      return "new (none was kept yet)";
  }
}

/** "Tue 2026-12-08". */
const dayLabel = (date: string) => `${new Date(`${date}T12:00:00Z`).toLocaleDateString("en-GB", { weekday: "short", timeZone: "UTC" })} ${date}`;

export async function seedCommand(db: Pick<OpenDatabase, "prisma" | "description">, args: string[], options: SeedCommandOptions = {}): Promise<void> {
  const flags = seedFlags(args);
  const print = options.print ?? ((line: string) => console.log(line));
  const keyFile = options.keyFile ?? demoKeyFile();
  print(`Seeding the ${db.description}`);
  const result = await seedDemoData(db.prisma, { now: options.now, keyFile, newKey: flags.newKey });
  print(`  users:       ${DEMO_USERS.map((u) => `${u.email} (${u.role})`).join(", ")}`);
  print(`  team:        ${DEMO_TEAM.name} (${DEMO_TEAM.slug})`);
  print(`  event types: ${DEMO_EVENT_TYPES.map((e) => e.slug).join(", ")}`);
  print(`  bookings:    ${DEMO_BOOKINGS.length} with hosts, ${DEMO_CALENDAR_BOOKINGS.length} of calendars, on the next weekdays: ${result.days.map(dayLabel).join(", ")}`);
  for (const { uid, weekdays } of result.moved) {
    print(`               ${uid} went ${weekdays} weekday${weekdays === 1 ? "" : "s"} later: another booking holds its time`);
  }
  print(`Demo admin key: ${describeKey(result.key)}`);
  print(`  kept in:     ${keyFile} (printed again on the next runs while it works; --new-key replaces it)`);
  print(flags.hideKey ? keyFile : result.adminKey);
}
