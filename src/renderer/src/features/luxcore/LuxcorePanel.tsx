import { useEffect, useRef, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { matchesShortcut, shortcuts } from '../../shared/keyboard/shortcuts'
import { Dialog } from '../../shared/Dialog'
import { useDocuments } from '../../shared/use-documents'
import { isTyping } from '../../shared/listbox'
import { CancelDepositDialog } from './CancelDepositDialog'
import { DepositForm } from './DepositForm'
import { payablePayment } from './deposit-items'
import { DepositList } from './DepositList'
import { DepositView } from './DepositView'
import { LuxcoreHeader } from './LuxcoreHeader'
import { selectShownDeposit } from './luxcore-slice'
import { PaymentsList } from './PaymentsList'
import { useLuxcore } from './use-luxcore'
import { Voucher } from './Voucher'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'
import './luxcore.css'

/** The LuxCore deposits panel: F2 opens it, Esc closes it. */
export function LuxcorePanel() {
  const open = useLuxcore((s) => s.luxcoreOpen)
  return open ? <OpenLuxcorePanel /> : null
}

/**
 * Key mode and balance on top; the form and this counter's deposits beside the deposit on
 * view; today's LuxCore payments below. Ctrl+P prints the voucher of the deposit on view,
 * Supr asks to cancel it. The cancel confirmation is a sibling dialog: its keys stay there.
 */
function OpenLuxcorePanel() {
  const { t } = useTranslation()
  const close = useLuxcore((s) => s.closeLuxcore)
  const shown = useLuxcore(selectShownDeposit)
  const cancelling = useLuxcore((s) =>
    s.cancelReference ? (s.deposits?.find((d) => d.merchantReference === s.cancelReference) ?? null) : null
  )
  const openCancel = useLuxcore((s) => s.openCancel)
  const printDocument = useDocuments((s) => s.printDocument)
  const amountRef = useRef<HTMLInputElement>(null)
  const viewRef = useRef<HTMLElement>(null)
  const payment = payablePayment(shown)

  // A focused button can vanish ("Anular…" once a cancel is under way) and the cancel dialog
  // then has nowhere to give the focus back: bring it to the deposit on view, or the form, so
  // Esc, Supr and Ctrl+P still reach this panel.
  useEffect(() => {
    const active = document.activeElement
    if (active && active !== document.body && active.isConnected) return
    ;(viewRef.current ?? amountRef.current)?.focus()
  })

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.defaultPrevented || event.repeat) return
    const native = event.nativeEvent
    if (matchesShortcut(shortcuts.printVoucher, native)) {
      // never the browser's own print of the whole window
      event.preventDefault()
      if (payment) void printDocument('voucher')
    } else if (matchesShortcut(shortcuts.cancelDeposit, native) && !isTyping(event.target)) {
      event.preventDefault()
      openCancel()
    }
  }

  return (
    <>
      <Dialog
        title={t('luxcore.title')}
        description={t('luxcore.help')}
        onCancel={close}
        initialFocus={amountRef}
        className="dialog-luxcore"
      >
        <div className="luxcore-panel" onKeyDown={onKeyDown}>
          <LuxcoreHeader />
          <div className="luxcore-columns">
            <div className="luxcore-column">
              <DepositForm amountRef={amountRef} onCreated={() => viewRef.current?.focus()} />
              <DepositList />
            </div>
            <div className="luxcore-column">
              <DepositView ref={viewRef} />
            </div>
          </div>
          <PaymentsList />
          <div className="actions">
            <ShortcutButton shortcut="cancel" onClick={close}>
              {t('luxcore.close')}
            </ShortcutButton>
          </div>
        </div>
      </Dialog>
      {cancelling && <CancelDepositDialog deposit={cancelling} />}
      {shown && payment && <Voucher deposit={shown} payment={payment} />}
    </>
  )
}
