import { readFileSync } from "node:fs";
import path from "node:path";
import { calcomDifferences } from "../../lib/compat/calcom-differences";
import { calcomOperations, normalizeTemplate } from "../support/calcom-contract";
import { loadOpenApiDocument } from "../support/response-validator";

/*
 * The one list of deliberate differences from Cal.com stays true: every entry names an
 * operation both Cal.com and this project document, points somewhere meaningful, and is
 * listed in the README's "Differences from Cal.com" section.
 */

const README = readFileSync(path.resolve(__dirname, "..", "..", "..", "..", "README.md"), "utf8");
const section = README.slice(README.indexOf("### Differences from Cal.com"));

describe("calcom-differences.ts", () => {
  it("has entries", () => {
    expect(calcomDifferences.length).toBeGreaterThan(10);
  });

  it.each(calcomDifferences.map((d) => [`${d.operation} ${d.pointer}`, d] as const))("%s names an operation both sides document", (_label, difference) => {
    const [method, template] = difference.operation.split(" ") as [string, string];
    const ours = loadOpenApiDocument().paths[template]?.[method.toLowerCase()];
    expect(ours).toBeDefined();
    expect([...calcomOperations()]).toContain(`${method} ${normalizeTemplate(template)}`);
    expect(["", "status", "request"].includes(difference.pointer) || difference.pointer.startsWith("/")).toBe(true);
    expect(difference.what.trim().length).toBeGreaterThan(10);
    expect(difference.why.trim().length).toBeGreaterThan(10);
  });

  it("every difference is listed, with its reason, in the README's Differences from Cal.com section", () => {
    expect(section.length).toBeGreaterThan(0);
    const missing = calcomDifferences.filter((d) => !section.includes(d.what) || !section.includes(d.why)).map((d) => `${d.operation}: ${d.what}`);
    expect([...new Set(missing)]).toEqual([]);
  });
});
