// `yarn db:seed`: creates or refreshes the demo data (demo-data.ts) and prints a new admin API
// key, alone on the last line so other scripts can pick it up with `tail -n 1`.
import { DEMO_BOOKINGS, DEMO_EVENT_TYPES, DEMO_TEAM, DEMO_USERS } from "./demo-data";
import { runScript } from "./script-database";
import { seedDemoData } from "./seed-demo-data";

void runScript("Seeding", async (db) => {
  console.log(`Seeding the ${db.description}`);
  const { adminKey } = await seedDemoData(db.prisma);
  console.log(`  users:       ${DEMO_USERS.map((u) => `${u.email} (${u.role})`).join(", ")}`);
  console.log(`  team:        ${DEMO_TEAM.name} (${DEMO_TEAM.slug})`);
  console.log(`  event types: ${DEMO_EVENT_TYPES.map((e) => e.slug).join(", ")}`);
  console.log(`  bookings:    ${DEMO_BOOKINGS.length}`);
  console.log(`API key of ${DEMO_USERS[0].email} (shown once; earlier seed keys were deleted):`);
  console.log(adminKey);
});
