import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../../shared/Dialog'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { formatDateTime } from '../../shared/format'
import { listboxMove, movedIndex, useScrollIntoView } from '../../shared/listbox'
import { useShift } from './use-shift'
import { ShortcutButton } from '../../shared/keyboard/ShortcutButton'

/** Closed shifts, newest first: arrows choose one, Enter opens its Z report. */
export function PastShiftsDialog() {
  const { t } = useTranslation()
  const shifts = useShift((s) => s.pastShifts)
  const error = useShift((s) => s.shiftError)
  const language = useShift((s) => s.language)
  const close = useShift((s) => s.closeShiftDialog)
  const showReport = useShift((s) => s.showShiftReport)
  const [selected, setSelected] = useState(0)
  const listRef = useRef<HTMLDivElement>(null)
  const prefix = useId()
  const when = (iso: string | null): string => (iso ? (formatDateTime(iso, language) ?? iso) : '—')
  const chosen = shifts?.[selected] ?? null
  const activeId = chosen ? `${prefix}-${selected}` : undefined

  useEffect(() => {
    if (shifts?.length) listRef.current?.focus()
  }, [shifts])
  useScrollIntoView(activeId)

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const delta = listboxMove(event)
    if (delta === null || !shifts?.length) return
    event.preventDefault()
    setSelected((index) => movedIndex(shifts.length, index, delta))
  }

  return (
    <Dialog
      title={t('shift.past.title')}
      onCancel={close}
      onEnter={() => chosen && void showReport(chosen.id)}
      className="dialog-shift"
    >
      {error && <ErrorMessage error={error} />}
      {!shifts && !error && (
        <p className="notice" role="status">
          {t('shift.past.loading')}
        </p>
      )}
      {shifts?.length === 0 && <p className="notice">{t('shift.past.empty')}</p>}
      {shifts && shifts.length > 0 && (
        <>
          <div
            ref={listRef}
            className="outbox-list past-shifts"
            role="listbox"
            tabIndex={0}
            aria-label={t('shift.past.list')}
            aria-activedescendant={activeId}
            onKeyDown={onKeyDown}
          >
            {shifts.map((shift, index) => (
              <div
                key={shift.id}
                id={`${prefix}-${index}`}
                role="option"
                aria-selected={index === selected}
                className="outbox-row"
                onClick={() => setSelected(index)}
                onDoubleClick={() => void showReport(shift.id)}
              >
                {t('shift.past.item', {
                  opened: when(shift.openedAt),
                  closed: when(shift.closedAt),
                  operator: shift.operator,
                  terminal: shift.terminal
                })}
              </div>
            ))}
          </div>
          <p className="hint">
            <kbd className="kbd">↑</kbd> <kbd className="kbd">↓</kbd> {t('shift.past.move')}
          </p>
        </>
      )}
      <div className="actions">
        <ShortcutButton shortcut="cancel" onClick={close}>
          {t('shift.done')}
        </ShortcutButton>
      </div>
    </Dialog>
  )
}
