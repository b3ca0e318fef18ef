import { findCappedPage, LIST_COUNT_LIMIT } from "../../common/pagination";

// A list of `rows` ids, read and counted the way Prisma would (count with take stops there).
function list(rows: number) {
  const counted: number[] = [];
  const find = async ({ skip, take }: { skip: number; take: number }) => Array.from({ length: Math.max(0, Math.min(take, rows - skip)) }, (_, i) => skip + i + 1);
  const count = async (limit: number) => {
    counted.push(limit);
    return Math.min(rows, limit);
  };
  return { find, count, counted };
}

describe("findCappedPage", () => {
  it("counts exactly up to the limit, asking the database for one row more", async () => {
    const rows = list(LIST_COUNT_LIMIT);
    expect(await findCappedPage({ take: 10, page: 1 }, rows.find, rows.count)).toEqual({ items: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], total: LIST_COUNT_LIMIT, exact: true });
    expect(rows.counted).toEqual([LIST_COUNT_LIMIT + 1]);
  });

  it("beyond the limit, says the limit and that it is not exact", async () => {
    const rows = list(LIST_COUNT_LIMIT * 3);
    expect(await findCappedPage({ take: 2, skip: 4 }, rows.find, rows.count)).toEqual({ items: [5, 6], total: LIST_COUNT_LIMIT, exact: false });
  });

  it("does not count when the page shows the total", async () => {
    const rows = list(3);
    expect(await findCappedPage({ take: 10, page: 1 }, rows.find, rows.count)).toEqual({ items: [1, 2, 3], total: 3, exact: true });
    expect(rows.counted).toEqual([]);
  });
});
