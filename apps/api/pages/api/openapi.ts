import { withMiddleware } from "../../lib/middleware/with-middleware";
import { openApiDocument } from "../../lib/openapi/document";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /openapi.json:
 *   get:
 *     operationId: getOpenApiDocument
 *     summary: This OpenAPI 3.1 document
 *     tags: ["Operations · Documentation"]
 *     x-access: public
 *     security: []
 *     responses:
 *       200:
 *         description: The OpenAPI document, built when the server was built
 *         content:
 *           application/json:
 *             schema: { type: object }
 */
export default withMiddleware(
  {
    GET: async (_req, res) => {
      res.setHeader("Cache-Control", "public, max-age=300");
      res.status(200).json(openApiDocument);
    },
  },
  { public: true },
);
