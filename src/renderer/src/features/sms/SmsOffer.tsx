import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { SmsPrompt } from '../../shared/receipt-offer'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'
import { useShortcut } from '../../shared/keyboard/useShortcut'
import { aboutKey } from './sms-slice'
import { SmsDialog } from './SmsDialog'
import { useSms } from './use-sms'

/**
 * The SMS receipt offer for one operation — a delivered approval on the counter (the shell says
 * which), a created deposit or a payment link (inside their panels, through
 * shared/receipt-offer): one key (Ctrl+M) opens "Send SMS", and the operation's last SMS shows
 * its delivery beside it. Inside a panel the key works while that panel has the focus.
 */
export function SmsOffer({ prompt }: { prompt: SmsPrompt | null }) {
  const { t } = useTranslation()
  const ref = useRef<HTMLElement>(null)
  const status = useSms((s) => s.lox24Status)
  const open = useSms((s) => s.openSms)
  const last = useSms((s) => (prompt ? s.smsByAbout[aboutKey(prompt.about)] : undefined))
  const enabled = prompt !== null && status?.receipts === true
  useShortcut('sendSms', () => prompt && open(prompt), enabled, ref)
  if (!enabled && !last) return null
  const state = last
    ? [
        t(`lox24.sms.states.${last.state}`),
        last.delivery && last.state === 'sent' ? t(`lox24.sms.delivery.${last.delivery.state}`) : null,
        last.phoneMasked
      ]
        .filter(Boolean)
        .join(' · ')
    : null
  return (
    <section ref={ref} className="sms-offer" aria-label={t('lox24.sms.offer')}>
      {enabled && (
        <ShortcutButton shortcut="sendSms" className="button" onClick={() => open(prompt)}>
          {t('lox24.sms.offer')}
        </ShortcutButton>
      )}
      {state && (
        <p role="status" className={`sms-state sms-${last?.delivery?.state ?? last?.state}`}>
          {state}
        </p>
      )}
    </section>
  )
}

/**
 * "Send SMS", once for the whole window and after the panels, so it opens above whichever
 * panel offered it, as a sibling dialog: its keys stay in it, and Esc gives the focus back.
 */
export function SmsDialogHost() {
  const dialog = useSms((s) => s.smsPrompt)
  return dialog ? <SmsDialog key={aboutKey(dialog.about)} /> : null
}
