/** Training mode (Spanish): the banner, the first-run choice, the guided start, the simulator control. */
export const training = {
  banner: 'ENTRENAMIENTO — sin pagos reales',
  firstRun: {
    title: 'Luka no está configurado todavía',
    lead: 'Puede practicar ya, con pagos de prueba en simuladores, o configurar la conexión real a Luka.',
    practise: 'Practicar (modo de entrenamiento)',
    configure: 'Configurar Luka',
    restarting: 'Reiniciando en modo de entrenamiento…',
    restartingReal: 'Reiniciando con pagos reales…'
  },
  guide: {
    title: 'Para empezar: pruebe estas referencias',
    lead: 'Escríbala (o escanéela) en el campo de búsqueda y pulse Intro. F8 y luego Intro aprueba; F9 rechaza. Tras aprobar, Ctrl+M envía el recibo por SMS al simulador (ningún mensaje real).',
    purpose: 'Qué probar',
    reference: 'Referencia',
    amount: 'Monto',
    payer: 'Pagador',
    purposes: {
      approve: 'Aprobar un pago',
      reject: 'Rechazar un pago (con motivo)',
      notFound: 'Una referencia que no existe',
      alreadyApproved: 'Un pago ya aprobado en otra taquilla'
    },
    none: '—'
  },
  settings: {
    title: 'Modo de entrenamiento',
    active: 'Está practicando: Luka, LuxCore y los SMS (LOX24) son simuladores en este equipo y los libros son aparte.',
    lukaUp: 'Simulador de Luka: en línea',
    lukaDown: 'Simulador de Luka: caído — las decisiones esperan en la cola (F6)',
    takeDown: 'Apagar Luka',
    bringUp: 'Encender Luka',
    leave: 'Salir del entrenamiento (reinicia)',
    forced: 'Iniciado con --training o TAQUILLA_TRAINING: para salir, inicie sin esa opción.',
    enter: 'Practicar en modo de entrenamiento (reinicia)',
    enterHelp: 'Simuladores en lugar de Luka y LuxCore, libros aparte; nada real se usa ni se envía.'
  }
}
