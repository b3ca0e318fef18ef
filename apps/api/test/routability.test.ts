import { readdirSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { createMocks, type RequestMethod } from "node-mocks-http";
import type { NextApiRequest, NextApiResponse } from "next";
import { ROUTE_MARKER, type RouteInfo } from "../lib/middleware/with-middleware";
import { PAGES_API_DIR } from "../lib/openapi/route-table";
import { fillExampleDates } from "../lib/openapi/example-dates";
import { assertMatchesDocumentedResponse, loadOpenApiDocument } from "./support/response-validator";

/** The generated document as the server sends it: its example dates filled in for today. */
const servedDocument = () => fillExampleDates(loadOpenApiDocument(), new Date());

/**
 * In the pages router every file under pages/ answers HTTP. Cal.com v1 was breached through
 * a helper module living there (/v1/bookings/{id}/_get answered without the auth checks of
 * /v1/bookings/{id}), so every file under pages/ must be a full route built with
 * withMiddleware(), and nothing else.
 */
const PAGES_DIR = path.resolve(PAGES_API_DIR, "..");
const ALLOWED_EXPORTS = new Set(["default", "config"]);

const relative = (file: string) => path.relative(PAGES_DIR, file).split(path.sep).join("/");
const allPageFiles = readdirSync(PAGES_DIR, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => path.join(entry.parentPath, entry.name));
/**
 * pages/_error.tsx is Next's error page, never a route: Next renders it for the few requests
 * it refuses before routing (a path it cannot decode), and it answers those in JSON.
 */
const ERROR_PAGE = "_error.tsx";
const pageFiles = allPageFiles.filter((file) => relative(file) !== ERROR_PAGE);

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

  it("every route file turns Next's body parser off (bodies are read by lib/http/read-json-body.ts)", () => {
    // Next's parser answers malformed JSON with a plain-text 400 and ignores our 413/415, even
    // on routes that read no body; so every route, the catch-all included, exports exactly this.
    const wrong = pageFiles.filter((file) => !isDeepStrictEqual(load(file).config, { api: { bodyParser: false } })).map(relative);
    expect(wrong).toEqual([]);
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

describe("pages/_error.tsx", () => {
  it("is the only file under pages/ outside pages/api", () => {
    expect(allPageFiles.map(relative).filter((file) => !file.startsWith("api/"))).toEqual([ERROR_PAGE]);
  });

  it("answers JSON in the surface's error shape and renders nothing", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const page = require(path.join(PAGES_DIR, ERROR_PAGE)).default as { getInitialProps: (ctx: unknown) => unknown } & (() => unknown);
    for (const [url, surface] of [["/v1/%zz", "v1"], ["/v2/bookings/%FF", "v2"]] as const) {
      const { req, res } = createMocks({ method: "GET", url });
      res.statusCode = 400;
      page.getInitialProps({ req, res });
      expect(res._getStatusCode()).toBe(400);
      expect(res.getHeader("content-type")).toMatch(/^application\/json/);
      const body = JSON.parse(res._getData());
      const error = surface === "v2" ? body.error : body;
      expect(error).toMatchObject({ code: "bad_request", details: [expect.objectContaining({ field: "path", rule: "invalid_encoding" })] });
      expect(error.requestId).toBe(res.getHeader("x-request-id"));
    }
    expect(page()).toBeNull();
  });
});

describe("the unknown-path fallback", () => {
  const routes = pageFiles.map((file) => ({ file: relative(file), info: (load(file).default as Handler)[ROUTE_MARKER] }));

  it("is exactly one route, pages/api/[...path].ts, marked notFound: public, serving no method", () => {
    const fallbacks = routes.filter((route) => route.info?.notFound);
    expect(fallbacks).toEqual([{ file: "api/[...path].ts", info: { public: true, notFound: true, methods: {} } }]);
    // Every other route serves methods of its own.
    expect(routes.filter((route) => !route.info?.notFound && Object.keys(route.info?.methods ?? {}).length === 0)).toEqual([]);
  });

  const fallback = () => load(path.join(PAGES_API_DIR, "[...path].ts")).default as Handler;

  async function call(method: RequestMethod, url: string, options: { headers?: Record<string, string>; body?: unknown } = {}) {
    const { req, res } = createMocks({ method, url, headers: options.headers ?? {}, body: options.body as never });
    await fallback()(req as unknown as NextApiRequest, res as unknown as NextApiResponse);
    const data = res._getData() as unknown;
    return { status: res._getStatusCode(), headers: res.getHeaders(), body: typeof data === "string" && data ? JSON.parse(data) : data };
  }

  it("answers every method with a v1 404 in the error shape, without a key", async () => {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as RequestMethod[]) {
      const result = await call(method, "/v1/nope?x=1", { headers: { "content-type": "application/json" }, body: { a: 1 } });
      expect({ method, status: result.status }).toEqual({ method, status: 404 });
      expect(result.body).toEqual({ message: expect.any(String), code: "not_found", details: [], requestId: result.headers["x-request-id"] });
      expect(result.headers["access-control-allow-origin"]).toBeDefined();
    }
  });

  it("answers a v2 path in the v2 shape, naming the path without its query", async () => {
    const result = await call("GET", "/v2/bookings/abc/nope?apiKey=cal_x", { headers: { "x-request-id": "caller-chosen-id-1" } });
    expect(result.status).toBe(404);
    expect(result.headers["x-request-id"]).toBe("caller-chosen-id-1");
    expect(result.body).toEqual({
      status: "error",
      timestamp: expect.any(String),
      path: "/v2/bookings/abc/nope",
      error: { code: "not_found", message: expect.any(String), details: [], requestId: "caller-chosen-id-1" },
    });
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
    expect(json(result.data)).toEqual(servedDocument());
  });

  it("GET /docs without an Accept header, or with */*, is the HTML page", async () => {
    expect(String((await call("docs.ts", "GET", "/docs")).data)).toContain("swagger-ui-bundle.js");
    expect(String((await call("docs.ts", "GET", "/docs", "*/*")).data)).toContain("swagger-ui-bundle.js");
    expect(String((await call("docs.ts", "GET", "/docs", "text/html;q=0.5, application/json")).data)).toContain('"openapi"');
  });

  it("GET /openapi.json returns the document with a short cache lifetime", async () => {
    const result = await call("openapi.ts", "GET", "/openapi.json");
    expect(result.status).toBe(200);
    expect(json(result.data)).toEqual(servedDocument());
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
