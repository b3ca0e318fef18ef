/** Which API surface a URL belongs to: v2 surfaces wrap errors in `{ status: "error", error }`. */
export type Surface = "v1" | "v2";

export function surfaceOf(url: string | undefined): Surface {
  return /^\/(api\/)?v2(\/|$|\?)/.test(url ?? "") ? "v2" : "v1";
}

export function pathOf(url: string | undefined): string {
  return (url ?? "/").split("?")[0] ?? "/";
}
