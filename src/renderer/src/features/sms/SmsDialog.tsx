import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { normalizePhone } from '@shared/phone'
import { smsLength } from '@shared/sms-segments'
import { Dialog } from '../../shared/Dialog'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { Field } from '../../shared/Field'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'
import { useSms } from './use-sms'

/**
 * "Send SMS": the phone (prefilled from Luka's payer when there is one, shown back as E.164)
 * and the receipt text with its length and segments. Enter sends, Esc cancels.
 */
export function SmsDialog() {
  const { t } = useTranslation()
  const prompt = useSms((s) => s.smsPrompt)
  const status = useSms((s) => s.lox24Status)
  const sending = useSms((s) => s.smsSending)
  const error = useSms((s) => s.smsError)
  const send = useSms((s) => s.sendSms)
  const close = useSms((s) => s.closeSms)
  const [phone, setPhone] = useState(prompt?.phone ?? '')
  const [text, setText] = useState(prompt?.text ?? '')
  const [tried, setTried] = useState(false)
  if (!prompt) return null

  const country = status?.country ?? 'VE'
  const normalized = normalizePhone(phone, country)
  const length = smsLength(text)
  const phoneProblem =
    !normalized.ok && (tried || phone !== '')
      ? t(`lox24.sms.problems.${normalized.problem}`, { country: t(`lox24.settings.countries.${country}`) })
      : null
  const submit = (event?: FormEvent): void => {
    event?.preventDefault()
    setTried(true)
    if (!normalized.ok || length.tooLong || text.trim() === '') return
    void send(normalized.e164, text)
  }

  return (
    <Dialog title={t('lox24.sms.title')} onCancel={close} onEnter={submit}>
      <form onSubmit={submit} noValidate>
        <Field
          label={t('lox24.sms.phone')}
          notes={[normalized.ok ? t('lox24.sms.phoneAs', { phone: normalized.e164 }) : null]}
          problem={phoneProblem}
        >
          {(control) => (
            <input
              {...control}
              type="tel"
              autoComplete="off"
              spellCheck={false}
              value={phone}
              onChange={(event) => setPhone(event.target.value)}
            />
          )}
        </Field>
        <Field
          label={t('lox24.sms.text')}
          notes={[
            t('lox24.sms.length', { characters: length.characters, segments: length.segments }),
            length.unicode ? t('lox24.sms.unicode') : null
          ]}
          problem={length.tooLong ? t('lox24.sms.tooLong') : null}
        >
          {(control) => (
            <textarea
              {...control}
              rows={4}
              value={text}
              // one line, as main takes it (Shift+Enter or a paste would bring line breaks)
              onChange={(event) => setText(event.target.value.replace(/[\r\n]+/g, ' '))}
            />
          )}
        </Field>
        {error && <ErrorMessage error={error} />}
        <div className="actions">
          <ShortcutButton shortcut="confirm" type="submit" className="button button-approve" disabled={sending}>
            {t('lox24.sms.send')}
          </ShortcutButton>
          <ShortcutButton shortcut="cancel" onClick={close}>
            {t('lox24.sms.cancel')}
          </ShortcutButton>
        </div>
      </form>
    </Dialog>
  )
}
