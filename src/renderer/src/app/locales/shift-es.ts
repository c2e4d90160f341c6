/** The shift (F3) and the Z report, in Spanish. `shift-en.ts` carries the same keys. */
export const shift = {
  title: 'Turno',
  loading: 'Consultando el turno…',
  status: {
    open: 'Turno abierto desde {{time}}',
    none: 'Sin turno abierto'
  },
  understood: '= {{amount}}',
  amountProblems: {
    format: 'No se entiende el monto: escríbalo como 1.234,50 o 1234.50.',
    precision: 'Demasiados decimales para esta moneda.',
    tooLarge: 'El monto es demasiado grande.',
    notPositive: 'El monto no puede ser negativo.'
  },
  open: {
    title: 'Abrir turno',
    help: 'Escriba el fondo inicial de la caja en cada moneda. En blanco cuenta como 0.',
    float: 'Fondo inicial en {{currency}}',
    submit: 'Abrir turno',
    opening: 'Abriendo el turno…'
  },
  close: {
    title: 'Cerrar turno',
    help: 'Turno abierto a las {{time}} por {{operator}}. Cuente el efectivo de la caja en cada moneda.',
    expected: 'Esperado en caja',
    expectedHelp: 'Fondo inicial + aprobaciones + depósitos en efectivo.',
    breakdown: 'Fondo {{float}} · aprobaciones {{approvals}} · sin confirmar {{waiting}} · depósitos {{deposits}}',
    counted: 'Contado en {{currency}}',
    note: 'Nota del cierre',
    noteHelp: 'Obligatoria cuando lo contado no coincide con lo esperado.',
    submit: 'Cerrar turno',
    closing: 'Cerrando el turno…'
  },
  waiting: {
    title: 'Efectivo recibido, Luka aún no confirma',
    help: 'Ese efectivo está en la caja y cuenta en lo esperado, pero Luka todavía no confirmó la aprobación.',
    item: 'Transacción Luka {{id}} · {{amount}} · {{state}}',
    none: 'Ninguna aprobación espera confirmación.'
  },
  variance: {
    over: 'Sobrante {{amount}}',
    short: 'Faltante {{amount}}',
    even: 'Cuadra'
  },
  past: {
    button: 'Turnos anteriores',
    title: 'Turnos anteriores',
    list: 'Turnos cerrados',
    empty: 'No hay turnos cerrados.',
    loading: 'Cargando turnos…',
    item: '{{opened}} → {{closed}} · {{operator}} · {{terminal}}',
    move: 'elegir · Enter abre el reporte'
  },
  cancel: 'Cancelar',
  done: 'Cerrar'
}

export const zreport = {
  title: 'Reporte Z',
  terminal: 'Taquilla',
  operator: 'Operador',
  opened: 'Apertura',
  closed: 'Cierre',
  stillOpen: 'turno abierto',
  currencies: 'Totales por moneda',
  columns: {
    currency: 'Moneda',
    float: 'Fondo inicial',
    approvals: 'Aprobaciones',
    waiting: 'Sin confirmar por Luka',
    rejections: 'Rechazos',
    deposits: 'Depósitos en efectivo',
    expected: 'Esperado',
    counted: 'Contado',
    variance: 'Diferencia'
  },
  countAmount: '{{count}} · {{amount}}',
  actions: 'Operaciones por acción y resultado',
  actionColumns: { action: 'Acción', result: 'Resultado', count: 'Cantidad' },
  waiting: 'Efectivo recibido, Luka aún no confirma',
  waitingColumns: { transaction: 'Transacción Luka', amount: 'Monto', state: 'Estado' },
  links: 'Enlaces de pago Luka — pagados en línea, no es efectivo ni está en la gaveta',
  linkColumns: { trace: 'Traza', order: 'N.º de orden', amount: 'Monto', state: 'Estado' },
  none: 'Ninguna.',
  note: 'Nota',
  noNote: '(sin nota)',
  journal: 'Diario íntegro',
  journalOk: 'sí',
  journalBroken: 'NO',
  print: 'Imprimir',
  csv: 'Exportar CSV',
  pdf: 'Guardar PDF',
  pdfName: 'Reporte Z {{terminal}} {{date}}',
  csvDone: 'CSV descargado: {{name}}',
  actionsGroup: 'Reporte Z: imprimir y exportar',
  operators: 'Por operador',
  operatorColumns: {
    operator: 'Operador',
    currency: 'Moneda',
    approvals: 'Aprobaciones',
    rejections: 'Rechazos',
    deposits: 'Depósitos en efectivo'
  }
}

/** The X report: mid-shift, printable, never a closing (issue 11). */
export const xreport = {
  title: 'Reporte X — no cierra el turno',
  notClosing: 'REPORTE X — NO ES UN CIERRE: el turno sigue abierto',
  help: 'Los totales del turno en este momento. El turno no se cierra y el reporte Z del cierre no cambia.',
  taken: 'Emitido',
  number: 'Reporte X n.º',
  taking: 'Emitiendo el reporte X…',
  button: 'Reporte X',
  print: 'Imprimir',
  csv: 'Exportar CSV',
  pdf: 'Guardar PDF',
  pdfName: 'Reporte X {{terminal}} {{date}} {{number}}',
  csvDone: 'CSV descargado: {{name}}',
  actionsGroup: 'Reporte X: imprimir y exportar'
}
