import { readdirSync } from "node:fs";
import path from "node:path";
import { createMocks, type RequestMethod } from "node-mocks-http";
import type { NextApiRequest, NextApiResponse } from "next";
import { ROUTE_MARKER, type RouteInfo } from "../lib/middleware/with-middleware";
import { PAGES_API_DIR } from "../lib/openapi/route-table";
import { assertMatchesDocumentedResponse, loadOpenApiDocument } from "./support/response-validator";

/**
 * In the pages router every file under pages/ answers HTTP. Cal.com v1 was breached through
 * a helper module living there (/v1/bookings/{id}/_get answered without the auth checks of
 * /v1/bookings/{id}), so every file under pages/ must be a full route built with
 * withMiddleware(), and nothing else.
 */
const PAGES_DIR = path.resolve(PAGES_API_DIR, "..");
const ALLOWED_EXPORTS = new Set(["default", "config"]);

const pageFiles = readdirSync(PAGES_DIR, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => path.join(entry.parentPath, entry.name));
const relative = (file: string) => path.relative(PAGES_DIR, file).split(path.sep).join("/");

type Handler = ((req: NextApiRequest, res: NextApiResponse) => Promise<void>) & { [ROUTE_MARKER]?: RouteInfo };

function load(file: string): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(file) as Record<string, unknown>;
}

describe("only route files are routable", () => {
  it("finds the route files", () => {
    expect(pageFiles.map(relative)).toEqual(expect.arrayContaining(["api/index.ts", "api/docs.ts", "api/openapi.ts", "api/v1/me.ts"]));
  });

  it("every file under pages/ default-exports a withMiddleware() route", () => {
    const notRoutes = pageFiles
      .filter((file) => {
        const handler = load(file).default as Handler | undefined;
        return typeof handler !== "function" || !handler[ROUTE_MARKER];
      })
      .map(relative);
    expect(notRoutes).toEqual([]);
  });

  it("no file or folder name under pages/api begins with _", () => {
    const underscored = pageFiles
      .map((file) => path.relative(PAGES_API_DIR, file).split(path.sep))
      .filter((segments) => segments.some((segment) => segment.startsWith("_")))
      .map((segments) => `api/${segments.join("/")}`);
    expect(underscored).toEqual([]);
  });

  it("route files export nothing but the route and its config", () => {
    const extra = pageFiles.flatMap((file) =>
      Object.keys(load(file))
        .filter((name) => name !== "__esModule" && !ALLOWED_EXPORTS.has(name))
        .map((name) => `${relative(file)}: export ${name}`),
    );
    expect(extra).toEqual([]);
  });
});

describe("public routes", () => {
  beforeAll(() => {
    loadOpenApiDocument(); // a clear "run yarn generate" error when the document is missing
  });

  const handler = (name: string) => load(path.join(PAGES_API_DIR, name)).default as Handler;

  async function call(name: string, method: RequestMethod, url: string, accept?: string) {
    const { req, res } = createMocks({ method, url, headers: accept ? { accept } : {} });
    await handler(name)(req as unknown as NextApiRequest, res as unknown as NextApiResponse);
    return { status: res._getStatusCode(), headers: res.getHeaders(), data: res._getData() as unknown };
  }
  const json = (data: unknown) => (typeof data === "string" ? JSON.parse(data) : data);

  it("GET /docs with Accept: text/html serves Swagger UI from this server's own files", async () => {
    const result = await call("docs.ts", "GET", "/docs", "text/html,application/xhtml+xml,*/*;q=0.8");
    expect(result.status).toBe(200);
    expect(String(result.headers["content-type"])).toMatch(/^text\/html/);
    const html = String(result.data);
    for (const asset of ["/swagger/swagger-ui.css", "/swagger/swagger-ui-bundle.js", "/swagger/swagger-ui-standalone-preset.js", "/swagger/init.js"]) {
      expect(html).toContain(asset);
    }
    expect(html).not.toMatch(/<script[^>]+src=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<link[^>]+href=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i); // no inline script
    expect(String(result.headers["content-security-policy"])).toContain("script-src 'self'");
    assertMatchesDocumentedResponse({ template: "/docs", method: "GET", status: 200, body: html, contentType: "text/html" });
  });

  it("GET /docs with Accept: application/json returns the OpenAPI document", async () => {
    const result = await call("docs.ts", "GET", "/docs", "application/json");
    expect(result.status).toBe(200);
    expect(String(result.headers["content-type"])).toMatch(/^application\/json/);
    expect(json(result.data)).toEqual(loadOpenApiDocument());
  });

  it("GET /docs without an Accept header, or with */*, is the HTML page", async () => {
    expect(String((await call("docs.ts", "GET", "/docs")).data)).toContain("swagger-ui-bundle.js");
    expect(String((await call("docs.ts", "GET", "/docs", "*/*")).data)).toContain("swagger-ui-bundle.js");
    expect(String((await call("docs.ts", "GET", "/docs", "text/html;q=0.5, application/json")).data)).toContain('"openapi"');
  });

  it("GET /openapi.json returns the document with a short cache lifetime", async () => {
    const result = await call("openapi.ts", "GET", "/openapi.json");
    expect(result.status).toBe(200);
    expect(json(result.data)).toEqual(loadOpenApiDocument());
    expect(String(result.headers["cache-control"])).toMatch(/max-age=\d+/);
  });

  it("GET / returns the index", async () => {
    const result = await call("index.ts", "GET", "/");
    expect(result.status).toBe(200);
    const body = json(result.data);
    expect(body).toEqual({ name: "Slotbase API", message: expect.any(String), docs: "/docs", openapi: "/openapi.json" });
    assertMatchesDocumentedResponse({ template: "/", method: "GET", status: 200, body });
  });

  it("POST / is a 405 with an Allow header, in the error shape", async () => {
    const result = await call("index.ts", "POST", "/");
    expect(result.status).toBe(405);
    expect(String(result.headers.allow)).toContain("GET");
    expect(json(result.data)).toEqual(expect.objectContaining({ code: "method_not_allowed", requestId: expect.any(String) }));
  });

  it("every response carries an X-Request-Id header", async () => {
    const results = await Promise.all([
      call("index.ts", "GET", "/"),
      call("index.ts", "POST", "/"),
      call("openapi.ts", "GET", "/openapi.json"),
      call("docs.ts", "GET", "/docs", "text/html"),
      call("docs.ts", "GET", "/docs", "application/json"),
      call("docs.ts", "DELETE", "/docs"),
    ]);
    expect(results.map((r) => typeof r.headers["x-request-id"] === "string" && r.headers["x-request-id"].length > 0)).toEqual(
      results.map(() => true),
    );
  });
});
