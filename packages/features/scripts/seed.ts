// `yarn db:seed [--new-key] [--hide-key]`: creates or refreshes the demo data (demo-data.ts; the
// demo bookings move to the weekdays after today) and prints the demo admin's API key alone on
// the last line: the same key as last time while it still works (it is kept in a git-ignored
// file, demo-admin-key.ts), a new one with --new-key, which revokes the earlier ones.
// See seed-command.ts for --hide-key and the output.
import { runScript } from "./script-database";
import { seedCommand, seedFlags } from "./seed-command";

try {
  seedFlags(process.argv.slice(2));
  void runScript("Seeding", (db) => seedCommand(db, process.argv.slice(2)));
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
