/** An error as one short line (SMTP errors carry the server's reply in `response`). */
export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 1000);
  const { code, responseCode, response } = error as { code?: string; responseCode?: number; response?: string };
  const parts = [error.message.trim()];
  if (response && !error.message.includes(response)) parts.push(response.trim());
  if (code) parts.push(`(${code}${responseCode ? ` ${responseCode}` : ""})`);
  return parts.join(" ").replace(/\s+/g, " ").slice(0, 1000);
}
