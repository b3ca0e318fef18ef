import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * README.md shows the examples verbatim, each code block after an `<!-- examples/<file> -->`
 * line: the files are typechecked and examples/book-first-slot.ts runs in the HTTP suite
 * (apps/api/test-http/client.test.ts), so the README cannot show code that does not work.
 */
const root = path.resolve(__dirname, "..");
const readme = readFileSync(path.join(root, "README.md"), "utf8");

function shownExample(file: string): string | undefined {
  const marker = `<!-- ${file} -->\n\`\`\`ts\n`;
  const at = readme.indexOf(marker);
  if (at === -1) return undefined;
  const start = at + marker.length;
  return readme.slice(start, readme.indexOf("```\n", start));
}

describe("README.md", () => {
  it.each(["examples/book-first-slot.ts", "examples/book.ts"])("shows %s as it is", (file) => {
    expect(shownExample(file)).toBe(readFileSync(path.join(root, file), "utf8"));
  });
});
