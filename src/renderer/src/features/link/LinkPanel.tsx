import './link.css'
import type { KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PaymentLink } from '@shared/contract'
import { Dialog } from '../../shared/Dialog'
import { handleDocumentKeys, useDocumentCommands } from '../../shared/DocumentButtons'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { errorLine } from '../../shared/error-text'
import { matchesShortcut, shortcuts } from '../../shared/keyboard/shortcuts'
import { LinkForm } from './LinkForm'
import { LinkSlip } from './LinkSlip'
import { LinkView } from './LinkView'
import { TodayLinks } from './TodayLinks'
import { useLink } from './use-link'

const created = (link: PaymentLink | null): link is PaymentLink & { url: string } =>
  link?.state === 'created' && link.url !== null

/** Ctrl+K: the payment-link panel. Esc closes it, and the focus goes back to the search field. */
export function LinkPanel() {
  const { t } = useTranslation()
  const config = useLink((s) => s.linkConfig)
  const configError = useLink((s) => s.linkConfigError)
  const link = useLink((s) => s.link)
  const closeLink = useLink((s) => s.closeLink)
  const shown = created(link) ? link : null
  const commands = useDocumentCommands('link', `${t('link.slip.title')} ${link?.trace ?? ''}`)

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (!shown) return
    if (handleDocumentKeys(event, commands)) return
    if (matchesShortcut(shortcuts.copyLink, event.nativeEvent)) {
      event.preventDefault()
      event.currentTarget.querySelector<HTMLButtonElement>('button[data-copy]')?.click()
    }
  }

  return (
    <Dialog title={t('link.title')} description={t('link.help')} onCancel={closeLink} className="dialog-link">
      <div onKeyDown={onKeyDown}>
        {configError && <ErrorMessage error={configError} />}
        {shown && <LinkView link={shown} commands={commands} />}
        {shown && <LinkSlip link={shown} />}
        {link?.state === 'unknown' && (
          <div className="notice notice-attention" role="alert">
            <h3>{t('link.unknown.title')}</h3>
            <p>{t('link.unknown.text', { reason: link.error ? errorLine(t, link.error) : '—' })}</p>
          </div>
        )}
        {!shown && config && <LinkForm config={config} retryOf={link?.state === 'unknown' ? link.trace : undefined} />}
        <TodayLinks />
      </div>
    </Dialog>
  )
}
