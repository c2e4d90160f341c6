import { useEffect } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { ErrorMessage } from '../../shared/ErrorMessage'
import { useDocuments } from '../../shared/use-documents'
import type { SettingsDraft } from './settings-draft'
import { SettingsField } from './SettingsField'
import { useSettings } from './use-settings'

interface Props {
  draft: SettingsDraft
  onChange: <K extends 'printerName' | 'paperWidthMm'>(field: K, value: SettingsDraft[K]) => void
}

const papers = [80, 58] as const

/**
 * The receipt printer (from the OS's list) and its roll, with a Test print of the choice before
 * it is saved; then Export diagnostics, for support. Without a printer: the system dialog.
 */
export function PrinterSettings({ draft, onChange }: Props) {
  const { t } = useTranslation()
  const printers = useSettings((s) => s.printers)
  const loadPrinters = useSettings((s) => s.loadPrinters)
  const diagnostics = useSettings((s) => s.diagnostics)
  const exportDiagnostics = useSettings((s) => s.exportDiagnostics)
  const printDocument = useDocuments((s) => s.printDocument)
  const notice = useDocuments((s) => (s.printNotice?.target === 'test' ? s.printNotice : null))

  useEffect(() => {
    void loadPrinters()
  }, [loadPrinters])

  const status =
    notice?.kind === 'printed'
      ? t('documents.printed', { printer: notice.printer })
      : diagnostics.state === 'saving'
        ? t('settings.diagnostics.saving')
        : diagnostics.state === 'saved'
          ? t('settings.diagnostics.saved', { path: diagnostics.path })
          : null
  // a stored printer the OS no longer lists stays selectable, so saving does not drop it silently
  const names = new Set((printers ?? []).map((printer) => printer.name))
  const missing = draft.printerName !== '' && printers !== null && !names.has(draft.printerName)
  return (
    <fieldset className="settings-group">
      <legend>{t('settings.printer.title')}</legend>
      <SettingsField label={t('settings.printer.name')} notes={[t('settings.printer.hint')]}>
        {(control) => (
          <select
            {...control}
            value={draft.printerName}
            onChange={(event) => onChange('printerName', event.target.value)}
          >
            <option value="">{t('settings.printer.none')}</option>
            {(printers ?? []).map((printer) => (
              <option key={printer.name} value={printer.name}>
                {printer.displayName}
              </option>
            ))}
            {missing && (
              <option value={draft.printerName}>{t('settings.printer.missing', { name: draft.printerName })}</option>
            )}
          </select>
        )}
      </SettingsField>
      <SettingsField label={t('settings.printer.paper')}>
        {(control) => (
          <select
            {...control}
            value={draft.paperWidthMm}
            onChange={(event) => onChange('paperWidthMm', Number(event.target.value) === 58 ? 58 : 80)}
          >
            {papers.map((paper) => (
              <option key={paper} value={paper}>
                {t('settings.printer.paperMm', { mm: paper })}
              </option>
            ))}
          </select>
        )}
      </SettingsField>
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={draft.printerName === ''}
          onClick={() => void printDocument('test', { name: draft.printerName, paperWidthMm: draft.paperWidthMm })}
        >
          {t('settings.printer.test')}
        </button>
        <button type="button" className="button" onClick={() => void exportDiagnostics()}>
          {t('settings.diagnostics.export')}
        </button>
      </div>
      {status && (
        <p className="notice" role="status">
          {status}
        </p>
      )}
      {notice?.kind === 'error' && <ErrorMessage error={notice.error} />}
      {diagnostics.state === 'error' && <ErrorMessage error={diagnostics.error} />}
      {/* the test page, outside the app's root like every printed document (print.css) */}
      {createPortal(
        <div className="print-doc print-doc-test" aria-hidden="true">
          <h1>Taquilla</h1>
          <p>{t('settings.printer.testPage', { name: draft.printerName, mm: draft.paperWidthMm })}</p>
          <p>{'0123456789 ABCDEFGHIJKLMNOPQRSTUVWXYZ ÁÉÍÓÚÑ $ €'}</p>
        </div>,
        document.body
      )}
    </fieldset>
  )
}
