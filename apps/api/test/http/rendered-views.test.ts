import { renderedView } from "../../lib/http/rendered-views";

let tag = 0;
const freshTag = () => `"test-${process.pid}-${(tag += 1)}"`;

it("renders a view once for callers asking at the same time, then serves the bytes it kept", async () => {
  const etag = freshTag();
  let renders = 0;
  const render = async () => {
    renders += 1;
    await new Promise((resolve) => setTimeout(resolve, 20));
    return JSON.stringify({ data: { label: "Jordan Lee – Orion" } });
  };
  const concurrent = await Promise.all([renderedView(etag, render), renderedView(etag, render), renderedView(etag, render)]);
  const later = await renderedView(etag, render);
  expect(renders).toBe(1);
  for (const bytes of [...concurrent, later]) expect(JSON.parse(bytes.toString("utf8"))).toEqual({ data: { label: "Jordan Lee – Orion" } });
});

it("keeps different tags apart, and renders again after a failed render", async () => {
  const [a, b] = [freshTag(), freshTag()];
  expect((await renderedView(a, async () => '"a"')).toString()).toBe('"a"');
  expect((await renderedView(b, async () => '"b"')).toString()).toBe('"b"');
  const failing = freshTag();
  await expect(renderedView(failing, async () => Promise.reject(new Error("database gone")))).rejects.toThrow("database gone");
  expect((await renderedView(failing, async () => '"ok"')).toString()).toBe('"ok"');
});
