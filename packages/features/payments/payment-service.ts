import { getPrisma, type PaymentModel } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { notFound } from "../errors/http-error";
import { toSkipTake, type PageRequest } from "../common/pagination";
import { viewerOf } from "../bookings/booking-access";
import { assertCanRead, bookingAccessSelect, onVisibleBooking } from "../attendees/booking-child-access";

/**
 * v1 payments, read-only (payments are written by the payment flow, never through the API):
 * whoever may see the booking (host, attendee, event type owner, team OWNER/ADMIN, system
 * admin) sees its payments; anyone else gets 404. The provider's internal `data` is not shown.
 */
export type PublicPayment = Omit<PaymentModel, "data">;

export interface PaymentFilter {
  bookingId?: number;
}

const publicFields = {
  id: true,
  uid: true,
  appId: true,
  bookingId: true,
  amount: true,
  fee: true,
  currency: true,
  success: true,
  refunded: true,
  externalId: true,
  paymentOption: true,
  createdAt: true,
} as const;

export async function listPayments(auth: AuthContext, query: PageRequest & PaymentFilter): Promise<PublicPayment[]> {
  const viewer = await viewerOf(auth);
  const prisma = await getPrisma();
  return prisma.payment.findMany({
    where: onVisibleBooking(viewer, query.bookingId),
    select: publicFields,
    orderBy: { id: "asc" },
    ...toSkipTake(query),
  });
}

export async function getPayment(auth: AuthContext, id: number): Promise<PublicPayment> {
  const viewer = await viewerOf(auth);
  const prisma = await getPrisma();
  const row = await prisma.payment.findUnique({ where: { id }, select: { ...publicFields, booking: { select: bookingAccessSelect } } });
  if (!row) throw notFound("Payment");
  const { booking, ...payment } = row;
  assertCanRead(viewer, booking, "Payment");
  return payment;
}
