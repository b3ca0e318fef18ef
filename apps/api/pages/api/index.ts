import { withMiddleware } from "../../lib/middleware/with-middleware";

export const config = { api: { bodyParser: false } };

/**
 * @swagger
 * /:
 *   get:
 *     operationId: getApiIndex
 *     summary: What this server is and where its documentation lives
 *     tags: ["Operations · Documentation"]
 *     x-access: public
 *     security: []
 *     responses:
 *       200:
 *         description: Pointers to the documentation
 *         content:
 *           application/json:
 *             schema: { $ref: "#/components/schemas/ApiIndexResponse" }
 */
export default withMiddleware(
  {
    GET: async (_req, res) => {
      res.status(200).json({
        name: "Slotbase API",
        message: "Welcome to the Slotbase scheduling API. Browse the documentation at /docs; every call except these needs an API key.",
        docs: "/docs",
        openapi: "/openapi.json",
      });
    },
  },
  { public: true },
);
