// yarn deployment:disable --license-key <key>
// Disables the deployment of a license key: its requests get 401 from every server process
// within DEPLOYMENTS_LOOKUP_CACHE_MS. Prints nothing secret.
import { parseArgs } from "node:util";
import { closeControlDatabase } from "../deployments/deployment-store";
import { disableDeploymentByKey } from "../deployments/register-deployment";

const USAGE = "Usage: yarn deployment:disable --license-key <key>";

async function main(): Promise<number> {
  let licenseKey: string | undefined;
  try {
    licenseKey = parseArgs({ options: { "license-key": { type: "string" } } }).values["license-key"];
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  if (!licenseKey) {
    console.error(USAGE);
    return 1;
  }
  try {
    if (!(await disableDeploymentByKey(licenseKey))) {
      console.error("No deployment has this license key.");
      return 1;
    }
    console.log("Disabled the deployment of this license key.");
    return 0;
  } catch (error) {
    console.error(`Could not disable the deployment: ${(error as Error).message}`);
    return 1;
  } finally {
    await closeControlDatabase();
  }
}

void main().then((code) => {
  process.exitCode = code;
});
