import { z } from "zod";
import { PaymentSchema } from "@slotbase/prisma/zod";
import { idParam } from "../validation/common";
import { listQuery } from "../validation/list-query";

/** A payment as the API shows it (an explicit allow-list): never the provider's internal `data`. */
export const Payment = PaymentSchema.pick({
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
});

export const ListPaymentsQuery = listQuery.extend({
  bookingId: idParam.optional().describe("Only this booking's payments."),
});

export const PaymentResponse = z.object({ payment: Payment });
export const PaymentListResponse = z.object({ payments: z.array(Payment) });
