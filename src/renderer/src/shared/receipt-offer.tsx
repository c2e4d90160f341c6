import { createContext, useContext, type ComponentType } from 'react'
import type { SmsRecord } from '@shared/contract'

/** What an SMS receipt is about and what it proposes; the teller may change phone and text. */
export interface SmsPrompt {
  about: SmsRecord['about']
  phone: string
  text: string
}

type Offer = ComponentType<{ prompt: SmsPrompt | null }>

const OfferContext = createContext<Offer | null>(null)

/** The app shell hands in the SMS feature's offer once; features never import it. */
export const ReceiptOfferProvider = OfferContext.Provider

/**
 * Where a feature offers an SMS receipt for the operation it shows (a created deposit, a
 * payment link): Ctrl+M and the last SMS's state, drawn by whatever the shell provided —
 * nothing without LOX24 or outside the app.
 */
export function ReceiptOffer({ prompt }: { prompt: SmsPrompt | null }) {
  const Offer = useContext(OfferContext)
  return Offer ? <Offer prompt={prompt} /> : null
}
