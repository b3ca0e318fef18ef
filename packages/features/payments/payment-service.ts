import { getPrisma, type PaymentModel } from "@slotbase/prisma";
import type { AuthContext } from "../auth/auth-context";
import { accessOf } from "../access/access";
import { readableBookingIds } from "../access/booking-rules";
import { notFound } from "../errors/domain-errors";
import type { Page, PageRequest } from "../common/pagination";
import { childRowIds, onBooking } from "../bookings/booking-child-lists";
import { assertOnRowBooking, childBookingSelect } from "../bookings/booking-children";

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

export async function listPayments(auth: AuthContext, query: PageRequest & PaymentFilter): Promise<Page<PublicPayment>> {
  const access = await accessOf(auth);
  const prisma = await getPrisma();
  const { ids, total, exact } = await childRowIds("Payment", readableBookingIds(access), onBooking(query.bookingId), query);
  const items = ids.length > 0 ? await prisma.payment.findMany({ where: { id: { in: ids } }, select: publicFields, orderBy: { id: "asc" } }) : [];
  return { items, total, exact };
}

export async function getPayment(auth: AuthContext, id: number): Promise<PublicPayment> {
  const access = await accessOf(auth);
  const prisma = await getPrisma();
  const row = await prisma.payment.findUnique({ where: { id }, select: { ...publicFields, booking: { select: childBookingSelect } } });
  if (!row) throw notFound("Payment");
  const { booking, ...payment } = row;
  assertOnRowBooking(access, booking, "read", "Payment");
  return payment;
}
