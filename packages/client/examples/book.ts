// SLOTBASE_API_KEY=<key> npx tsx book.ts   (the API at http://localhost:3000, e.g. `npm run quickstart`)
import { createSlotbaseClient } from "@slotbase/client";
import { bookFirstSlot } from "./book-first-slot";

const client = createSlotbaseClient({ baseUrl: process.env.SLOTBASE_URL ?? "http://localhost:3000", apiKey: process.env.SLOTBASE_API_KEY });
const eventTypeId = Number(process.env.EVENT_TYPE_ID ?? 1); // the demo's 30-minute meeting with Alice

bookFirstSlot(client, eventTypeId, { name: "Jordan Lee", email: "jordan@example.com", timeZone: "Europe/London" }).then(
  (booking) => console.log(`booked ${booking.uid}: ${booking.start} – ${booking.end} (${booking.status})`),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
