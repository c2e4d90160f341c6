/**
 * The rules of a new LuxCore deposit, zod-free: the renderer checks them before sending and
 * the contract's CreateDepositSchema is built on them, so the two cannot drift.
 */

/** Per-deposit bounds the counter enforces (minor units); LuxCore may still refuse more (LIMIT_EXCEEDED). */
export const DEPOSIT_LIMITS = { MXN: { min: 1_00, max: 10_000_00 } } as const
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
export const PHONE_PATTERN = /^\+?[0-9 ()-]{7,20}$/
/** luxcore-payments-guide.txt, Customer Fields (name, email max 255; phone max 50) */
export const DEPOSIT_MAX_LENGTH = { name: 255, email: 255, phone: 50, description: 255 } as const
