import { z } from "zod";
import { PaymentSchema } from "@slotbase/prisma/zod";
import { idParam, paginationQuery } from "../validation/common";

/** A payment as the API shows it: the model without the provider's internal `data`. */
export const Payment = PaymentSchema.omit({ data: true });

export const ListPaymentsQuery = paginationQuery.extend({
  bookingId: idParam.optional().describe("Only this booking's payments."),
});

export const PaymentResponse = z.object({ payment: Payment });
export const PaymentListResponse = z.object({ payments: z.array(Payment) });
