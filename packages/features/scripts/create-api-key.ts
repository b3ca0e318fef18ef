// `yarn api-key:create --email <email> [--name <name>] [--admin]`: creates the user if needed
// and prints a new API key for them, alone on the last line.
import { parseArgs } from "node:util";
import { issueApiKey } from "./issue-api-key";
import { runScript } from "./script-database";

const USAGE = "Usage: yarn api-key:create --email <email> [--name <name>] [--admin]";

function readOptions(): { email: string; name?: string; admin: boolean } | undefined {
  try {
    const { values } = parseArgs({
      options: { email: { type: "string" }, name: { type: "string" }, admin: { type: "boolean", default: false } },
    });
    if (!values.email || !/^[^\s@]+@[^\s@]+$/.test(values.email)) return undefined;
    return { email: values.email, name: values.name, admin: values.admin ?? false };
  } catch {
    return undefined;
  }
}

const options = readOptions();
if (!options) {
  console.error(USAGE);
  process.exitCode = 1;
} else {
  void runScript("Creating the API key", async (db) => {
    const issued = await issueApiKey(db.prisma, options);
    const who = `${options.email.toLowerCase()} (user ${issued.userId}, ${issued.role})`;
    console.log(`${issued.createdUser ? "Created" : "Found"} ${who} in the ${db.description}.`);
    console.log("New API key (shown once):");
    console.log(issued.key);
  });
}
