/**
 * Instruction keys LuxCore is known to send (luxcore-payments-guide.txt: bank_details,
 * payid_details, payment_page, redirect_url; api-notes.md: voucher, reference, barcode):
 * these get a label in the teller's language, any other key is humanized as it came.
 */
export const knownInstructionKeys = [
  'bank_details',
  'bank_name',
  'account_number',
  'account_holder',
  'swift_code',
  'clabe',
  'purpose',
  'reference',
  'amount',
  'currency',
  'payment_page',
  'url',
  'redirect_url',
  'voucher',
  'barcode',
  'store',
  'instructions',
  'expires_at',
  'payid_details',
  'payid',
  'payid_name',
  'payid_type'
] as const
export type KnownInstructionKey = (typeof knownInstructionKeys)[number]

export function isKnownInstructionKey(key: string): key is KnownInstructionKey {
  return (knownInstructionKeys as readonly string[]).includes(key)
}

/** "account_number" / "accountNumber" / "account-number" -> "Account number". */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_\-.\s]+/g, ' ')
    .trim()
    .toLowerCase()
  return words === '' ? '' : words.charAt(0).toUpperCase() + words.slice(1)
}
