import { randomBytes } from "node:crypto";
import { getPrisma } from "@slotbase/prisma";

/** A payment for a booking, written directly (payments are read-only on the API). */
export async function paymentFor(bookingId: number, data: { amount?: number; success?: boolean } = {}) {
  const prisma = await getPrisma();
  const id = randomBytes(6).toString("hex");
  return prisma.payment.create({
    data: {
      uid: `pay-${id}`,
      externalId: `pi_${id}`,
      appId: "stripe",
      bookingId,
      amount: data.amount ?? 5000,
      fee: 145,
      currency: "eur",
      success: data.success ?? true,
      data: { client_secret: `secret_${id}`, customer: "cus_123" },
    },
  });
}
