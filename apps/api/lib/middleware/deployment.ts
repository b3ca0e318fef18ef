import { multiDeploymentEnabled, selectDeployment } from "@slotbase/features";
import { chooseDatabaseScope } from "@slotbase/prisma";
import type { ApiRequest, Middleware } from "../http/types";

export const LICENSE_KEY_HEADER = "x-slotbase-license-key";

/** The license key a request carries: the `key` query parameter (seed 002's `?key=`) or the X-Slotbase-License-Key header. */
export function extractLicenseKey(req: ApiRequest): string | undefined {
  const header = req.headers[LICENSE_KEY_HEADER];
  const fromHeader = Array.isArray(header) ? header[0] : header;
  if (fromHeader && fromHeader.trim() !== "") return fromHeader.trim();
  const query = req.query.key;
  const fromQuery = Array.isArray(query) ? query[0] : query;
  return fromQuery && fromQuery.trim() !== "" ? fromQuery.trim() : undefined;
}

/**
 * Multi-deployment mode (DEPLOYMENTS_DATABASE_URL set): a request with a license key is served
 * entirely from that deployment's database: this chooses the database scope the route handler
 * opened (withMiddleware), so the rest of the chain and the handler, the API key check first,
 * use the deployment's database. The license
 * key only selects the database; it authenticates nobody. Without a license key, or with the
 * mode off, the request is served from the process's own database.
 */
export const deployment: Middleware = async (req, _res, next) => {
  const licenseKey = req.method === "OPTIONS" || !multiDeploymentEnabled() ? undefined : extractLicenseKey(req);
  if (!licenseKey) {
    await next();
    return;
  }
  const lease = await selectDeployment(licenseKey);
  try {
    chooseDatabaseScope(lease.scope);
    await next();
  } finally {
    lease.release();
  }
};
