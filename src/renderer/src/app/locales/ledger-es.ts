/** The agency ledger (issue 15): the status bar's words and the settings' enrolment (español). */
export const ledger = {
  server: 'Servidor de la agencia',
  noEncryption: 'Este equipo no puede cifrar la clave de la taquilla: no se dio de alta (nada se guardó).',
  status: {
    label: 'Libro de la agencia',
    upToDate: 'libro: al día',
    behind: 'libro: {{count}} pendientes',
    unreachable: 'libro: sin conexión',
    unreachableBehind: 'libro: sin conexión ({{count}} pendientes)',
    refused: 'libro: rechazado ({{why}})'
  },
  settings: {
    title: 'Libro de la agencia',
    help: 'Copia el diario de esta taquilla, firmado, al servidor de la agencia. El código de alta de un solo uso se crea en la página del dueño. Dar de alta o de baja pide un supervisor.',
    serverUrl: 'URL del servidor de la agencia',
    code: 'Código de alta (un solo uso)',
    agency: 'Agencia',
    counter: 'Nombre de esta taquilla',
    enrol: 'Dar de alta',
    leave: 'Dar de baja',
    enrolled: 'Dada de alta en {{server}}: {{agency}} · {{counter}} (terminal {{terminal}}).',
    lastSync: 'Última respuesta del servidor: {{time}}.',
    never: 'El servidor aún no ha respondido.',
    training:
      'Modo de entrenamiento: el libro de la agencia está apagado; las entradas de práctica nunca llegan al libro de la agencia.'
  },
  /** the server's own words (and ours: mismatch, noKey, url), said to the teller */
  words: {
    tooLarge: 'el servidor rechazó el envío por demasiado grande',
    notFound: 'esa URL no lleva a un servidor del libro de la agencia: revise la dirección',
    badCode: 'el código de alta ya se usó, no existe o caducó: pida uno nuevo en la página del dueño',
    keyEnrolled: 'esta clave ya está dada de alta',
    revoked: 'el dueño dio de baja esta taquilla en el servidor',
    unknownTerminal: 'el servidor no conoce esta taquilla (¿la dieron de baja?)',
    badSignature: 'el servidor no reconoce la firma de esta taquilla',
    badKey: 'el servidor no acepta la clave de esta taquilla',
    malformed: 'el servidor no entendió la solicitud',
    order: 'las entradas no llegaron en orden',
    mismatch: 'el diario local no coincide con la copia de la agencia',
    noKey: 'la clave guardada no es para este servidor: dé de alta la taquilla otra vez',
    url: 'la URL del servidor no es segura'
  }
}
