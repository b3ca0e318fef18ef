/**
 * An attendee booked by phone alone (Cal.com lets a booking page ask for a phone number instead
 * of an email): the attendee is stored under an address no mail can reach, on the reserved
 * `.invalid` top-level domain (RFC 2606), made from the number. No email is ever sent to it, and
 * since nobody can confirm such an address, it grants nobody the attendee's rights.
 */
const PHONE_ONLY_DOMAIN = "phone.slotbase.invalid";

export function phoneOnlyEmail(phoneNumber: string): string {
  return `${phoneNumber.replace(/\D/g, "")}@${PHONE_ONLY_DOMAIN}`;
}

export function isPhoneOnlyEmail(email: string): boolean {
  return email.toLowerCase().endsWith(`@${PHONE_ONLY_DOMAIN}`);
}
