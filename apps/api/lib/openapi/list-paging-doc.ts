import type { z } from "zod";
import { LIST_ALL_CAP, listQuery } from "../validation/list-query";
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from "../validation/common";
import { LIST_COUNT_LIMIT } from "@slotbase/features";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const TOTAL_COUNT_REF = "#/components/headers/TotalCount";
const NEXT_PAGE_LINK_REF = "#/components/headers/NextPageLink";

/** The response headers every v1 list sends (lib/http/list-headers.ts), as document components. */
export const LIST_HEADER_COMPONENTS = {
  TotalCount: {
    description: "How many rows the caller may see with these filters in all, whatever the page.",
    schema: { type: "integer", minimum: 0 },
  },
  TotalCountExact: {
    description: "Sent as `false` when more rows match than the list counts (X-Total-Count is then that limit, a lower bound). Absent when the count is exact.",
    schema: { type: "string", enum: ["false"] },
  },
  NextPageLink: {
    description:
      'While rows remain after this page: `<URL of the next page>; rel="next"` (RFC 8288), the path and query of this request with ' +
      "`take` and `page` set for the next page (`apiKey` left out); on lists that page by cursor (bookings), `take` and `cursor` instead once the next page lies deeper than offset paging reaches, and on cursor pages. Absent on the last page.",
    schema: { type: "string" },
  },
};

export const LIST_NOTE =
  `List paging: without \`take\` and \`page\` the answer holds every row, up to ${LIST_ALL_CAP}; with either, one page of \`take\` rows ` +
  `(1–${PAGE_SIZE_MAX}, default ${PAGE_SIZE_DEFAULT}). \`X-Total-Count\` always says how many rows match, and \`Link: <…>; rel="next"\` ` +
  `names the next page while rows remain (after a whole list cut at ${LIST_ALL_CAP}, pages of ${PAGE_SIZE_MAX} from row ${LIST_ALL_CAP + 1}). ` +
  `Lists of bookings, their attendees, references and payments, and webhook deliveries count up to ${LIST_COUNT_LIMIT} rows: beyond, X-Total-Count is ${LIST_COUNT_LIMIT} and X-Total-Count-Exact is false.`;

/** Whether the operation validates its query with v1 list paging (listQuery's take). */
export const usesListPaging = (query: z.ZodObject | undefined) => query !== undefined && query.shape.take === listQuery.shape.take;

/**
 * For the OpenAPI build: an operation paged with listQuery must document both list headers on
 * its success response (and only such an operation may); it gets LIST_NOTE in its description.
 * Returns the problems found.
 */
export function documentListPaging(label: string, operation: Json, query: z.ZodObject | undefined): string[] {
  const paged = usesListPaging(query);
  const problems: string[] = [];
  for (const [status, response] of Object.entries((operation.responses ?? {}) as Record<string, Json>)) {
    if (!status.startsWith("2") || typeof response.$ref === "string") continue;
    const headers = (response.headers ?? {}) as Record<string, Json>;
    const documented = headers["X-Total-Count"]?.$ref === TOTAL_COUNT_REF && headers.Link?.$ref === NEXT_PAGE_LINK_REF;
    const mentioned = headers["X-Total-Count"] !== undefined || headers.Link !== undefined;
    if (paged && !documented) {
      problems.push(`${label}: a paged list must document its ${status} headers X-Total-Count: { $ref: "${TOTAL_COUNT_REF}" } and Link: { $ref: "${NEXT_PAGE_LINK_REF}" }`);
    }
    if (!paged && mentioned) problems.push(`${label}: documents list headers but its query is not paged with listQuery (lib/validation/list-query.ts)`);
  }
  if (paged) operation.description = `${String(operation.description ?? "").trimEnd()}\n\n${LIST_NOTE}`.trimStart();
  return problems;
}
