// yarn deployment:add --license-key <key> --database-url <url> [--addons api,admin]
// Registers a deployment in the control database (DEPLOYMENTS_DATABASE_URL): migrates its
// database, then stores the URL encrypted (DEPLOYMENTS_ENCRYPTION_KEY) and a hash of the key.
// Prints neither the key nor the URL.
import { parseArgs } from "node:util";
import { closeControlDatabase } from "../deployments/deployment-store";
import { addDeployment, parseAddons } from "../deployments/register-deployment";

const USAGE = "Usage: yarn deployment:add --license-key <key> --database-url <postgresql://…> [--addons api,admin]";

async function main(): Promise<number> {
  let values: { "license-key"?: string; "database-url"?: string; addons?: string };
  try {
    ({ values } = parseArgs({ options: { "license-key": { type: "string" }, "database-url": { type: "string" }, addons: { type: "string" } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  const licenseKey = values["license-key"];
  const databaseUrl = values["database-url"];
  if (!licenseKey || !databaseUrl) {
    console.error(USAGE);
    return 1;
  }
  try {
    const addons = parseAddons(values.addons);
    const { host, pathname } = new URL(databaseUrl);
    console.log(`Migrating the deployment's database (PostgreSQL ${host}${pathname})...`);
    const result = await addDeployment({ licenseKey, databaseUrl, addons });
    console.log(`${result.created ? "Registered" : "Updated and enabled"} deployment ${result.id} (add-ons: ${addons.join(", ")}; ${result.migrationsApplied} migration(s) applied).`);
    return 0;
  } catch (error) {
    // Messages from pg and the migrator name hosts and SQL, never passwords; the URL itself is not repeated.
    console.error(`Could not register the deployment: ${(error as Error).message}`);
    return 1;
  } finally {
    await closeControlDatabase();
  }
}

void main().then((code) => {
  process.exitCode = code;
});
