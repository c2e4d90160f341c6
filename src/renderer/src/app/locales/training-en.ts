import type { training as es } from './training-es'

/** Training mode (English). */
export const training: typeof es = {
  banner: 'TRAINING — no real payments',
  firstRun: {
    title: 'Luka is not configured yet',
    lead: 'You can practise right away, with test payments on simulators, or set up the real Luka connection.',
    practise: 'Practise (training mode)',
    configure: 'Configure Luka',
    restarting: 'Restarting in training mode…',
    restartingReal: 'Restarting with real payments…'
  },
  guide: {
    title: 'To start: try these references',
    lead: 'Type (or scan) it into the search field and press Enter. F8 then Enter approves; F9 rejects. After approving, Ctrl+M texts the receipt to the simulator (no real message).',
    purpose: 'What to try',
    reference: 'Reference',
    amount: 'Amount',
    payer: 'Payer',
    purposes: {
      approve: 'Approve a payment',
      reject: 'Reject a payment (with a reason)',
      notFound: 'A reference that does not exist',
      alreadyApproved: 'A payment already approved at another counter'
    },
    none: '—'
  },
  settings: {
    title: 'Training mode',
    active:
      'You are practising: Luka, LuxCore and SMS (LOX24) are simulators on this computer and the books are kept apart.',
    lukaUp: 'Luka simulator: online',
    lukaDown: 'Luka simulator: down — decisions wait in the queue (F6)',
    takeDown: 'Take Luka down',
    bringUp: 'Bring Luka back up',
    leave: 'Leave training (restarts)',
    forced: 'Started with --training or TAQUILLA_TRAINING: to leave, start without it.',
    enter: 'Practise in training mode (restarts)',
    enterHelp: 'Simulators instead of Luka and LuxCore, separate books; nothing real is used or sent.'
  }
}
