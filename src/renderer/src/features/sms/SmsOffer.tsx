import { useTranslation } from 'react-i18next'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'
import { useShortcut } from '../../shared/keyboard/useShortcut'
import { aboutKey, type SmsPrompt } from './sms-slice'
import { SmsDialog } from './SmsDialog'
import { useSms } from './use-sms'

/**
 * After a delivered approval or a created deposit (the shell says which, as `prompt`): one key
 * (Ctrl+M) opens "Send SMS", and the operation's last SMS shows its delivery beside it.
 */
export function SmsOffer({ prompt }: { prompt: SmsPrompt | null }) {
  const { t } = useTranslation()
  const status = useSms((s) => s.lox24Status)
  const open = useSms((s) => s.openSms)
  const dialog = useSms((s) => s.smsPrompt)
  const last = useSms((s) => (prompt ? s.smsByAbout[aboutKey(prompt.about)] : undefined))
  const enabled = prompt !== null && status?.receipts === true
  useShortcut('sendSms', () => prompt && open(prompt), enabled)
  if (!enabled && !dialog) return null
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
    <section className="sms-offer" aria-label={t('lox24.sms.offer')}>
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
      {dialog && <SmsDialog key={aboutKey(dialog.about)} />}
    </section>
  )
}
