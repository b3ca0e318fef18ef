/**
 * Runs once when the server starts: resume delivering queued notifications (retries due
 * from before a restart) without waiting for the next booking change.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { kickNotificationDelivery } = await import("@slotbase/features");
  kickNotificationDelivery();
}
