import type { ledger as es } from './ledger-es'

/** The agency ledger (issue 15): the status bar's words and the settings' enrolment (English). */
export const ledger: typeof es = {
  server: 'Agency server',
  noEncryption: 'This computer cannot encrypt the counter’s key: it was not enrolled (nothing was stored).',
  status: {
    label: 'Agency ledger',
    upToDate: 'ledger: up to date',
    behind: 'ledger: {{count}} behind',
    unreachable: 'ledger: unreachable',
    unreachableBehind: 'ledger: unreachable ({{count}} behind)',
    refused: 'ledger: refused ({{why}})'
  },
  settings: {
    title: 'Agency ledger',
    help: 'Copies this counter’s journal, signed, to the agency server. The one-time enrolment code is made on the owner’s page. Enrolling or leaving asks for a supervisor.',
    serverUrl: 'Agency server URL',
    code: 'Enrolment code (one-time)',
    agency: 'Agency',
    counter: 'This counter’s name',
    enrol: 'Enrol',
    leave: 'Leave the ledger',
    enrolled: 'Enrolled at {{server}}: {{agency}} · {{counter}} (terminal {{terminal}}).',
    lastSync: 'Last answer from the server: {{time}}.',
    never: 'The server has not answered yet.',
    training: 'Training mode: the agency ledger is off; practice entries never reach the agency ledger.'
  },
  words: {
    tooLarge: 'the server refused the batch as too large',
    notFound: 'that URL does not lead to an agency ledger server: check the address',
    badCode: 'the enrolment code was used, does not exist or expired: ask for a new one on the owner’s page',
    keyEnrolled: 'this key is already enrolled',
    revoked: 'the owner revoked this counter on the server',
    unknownTerminal: 'the server does not know this counter (was it removed?)',
    badSignature: 'the server does not recognise this counter’s signature',
    badKey: 'the server does not accept this counter’s key',
    malformed: 'the server did not understand the request',
    order: 'the entries did not arrive in order',
    mismatch: 'the local journal does not match the agency’s copy',
    noKey: 'the stored key is not for this server: enrol the counter again',
    url: 'the server URL is not secure'
  }
}
