import { useTranslation } from 'react-i18next'
import { Kbd } from '../../app/Kbd'
import { ariaKeys } from '../../app/shortcuts'
import { useShortcut } from '../../app/useShortcut'
import { useJournal } from './use-journal'

// Apart from the view: the status bar is on screen from the start, the journal loads on demand.
/** The status bar's way in to the journal (F4). */
export function JournalButton() {
  const { t } = useTranslation()
  const openJournal = useJournal((s) => s.openJournal)
  useShortcut('openJournal', openJournal)
  return (
    <button
      type="button"
      className="button button-quiet"
      onClick={openJournal}
      aria-keyshortcuts={ariaKeys('openJournal')}
    >
      {t('shortcuts.openJournal')} <Kbd shortcut="openJournal" />
    </button>
  )
}
