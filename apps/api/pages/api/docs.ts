import { withMiddleware } from "../../lib/middleware/with-middleware";
import { openApiDocument } from "../../lib/openapi/document";
import { DOCS_HTML } from "../../lib/openapi/docs-page";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /docs:
 *   get:
 *     operationId: getDocs
 *     summary: Interactive documentation (Swagger UI)
 *     description: >
 *       An HTML page with Swagger UI, served from this server's own files (no CDN). A client
 *       that prefers application/json over text/html in its Accept header gets the OpenAPI
 *       document instead.
 *     tags: ["Operations · Documentation"]
 *     x-access: public
 *     security: []
 *     responses:
 *       200:
 *         description: Swagger UI, or the OpenAPI document
 *         content:
 *           text/html:
 *             schema: { type: string }
 *           application/json:
 *             schema: { type: object }
 */
export default withMiddleware(
  {
    GET: async (req, res) => {
      if (prefersJson(req.headers.accept)) {
        res.setHeader("Cache-Control", "public, max-age=300");
        res.status(200).json(openApiDocument);
        return;
      }
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("Cache-Control", "public, max-age=300");
      // Swagger UI sets inline styles; scripts come only from this origin (no inline script).
      res.setHeader(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
      );
      res.status(200).send(DOCS_HTML);
    },
  },
  { public: true },
);

/** True when the Accept header ranks application/json above text/html. */
function prefersJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const ranges = accept.split(",").map((part) => {
    const [range = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const quality = q ? Number(q.slice(2)) : 1;
    return { range: range.trim(), quality: Number.isFinite(quality) ? quality : 0 };
  });
  const qualityOf = (type: string) => {
    const [major] = type.split("/");
    const exact = ranges.find((r) => r.range === type);
    const group = ranges.find((r) => r.range === `${major}/*`);
    const any = ranges.find((r) => r.range === "*/*");
    return (exact ?? group ?? any)?.quality ?? 0;
  };
  const json = qualityOf("application/json");
  return json > 0 && json > qualityOf("text/html");
}
