/** Receipts, change and the print/PDF notices, in Spanish. `receipt-en.ts` carries the same keys. */
export const receipt = {
  titles: {
    approval: 'Recibo de pago en efectivo',
    rejection: 'Comprobante de pago rechazado',
    deposit: 'Recibo de depósito'
  },
  reprint: 'REIMPRESIÓN',
  agency: 'Agencia',
  terminal: 'Taquilla',
  operator: 'Operador',
  at: 'Fecha y hora',
  reference: 'Referencia',
  transactionId: { luka: 'ID de transacción Luka', luxcore: 'ID de transacción LuxCore' },
  operationId: 'Nº de operación Luka',
  amount: 'Monto',
  status: 'Estado',
  authorizationCode: 'Código de autorización',
  tendered: 'Efectivo recibido',
  change: 'Vuelto',
  printedAt: 'Impreso',
  statuses: {
    delivered: 'Confirmado por Luka',
    queued: 'Efectivo recibido — Luka aún no confirma',
    sending: 'Enviando a Luka',
    attention: 'Requiere atención — Luka no lo tomó',
    discarded: 'Descartado — no se entregará',
    accepted: 'Registrado en esta taquilla'
  },
  actions: 'Recibo',
  print: 'Imprimir recibo',
  reprintButton: 'Reimprimir recibo',
  savePdf: 'Guardar PDF',
  pdfName: 'Recibo {{reference}} {{date}}'
}

export const documents = {
  saving: 'Guardando el PDF…',
  saved: 'PDF guardado en {{path}}.',
  savedNoPath: 'PDF guardado.',
  notSaved: 'No se guardó el PDF.',
  printInstead:
    'Aquí no se puede guardar el PDF directamente: en el diálogo de impresión elija «Guardar como PDF» como impresora.',
  error: 'No se pudo guardar el PDF:',
  printed: 'Enviado a la impresora {{printer}}.',
  printError: 'No se pudo imprimir:'
}

export const change = {
  tendered: 'Efectivo recibido',
  help: 'Opcional: escriba lo que entrega el cliente y verá el vuelto.',
  change: 'Vuelto: {{amount}}',
  short: 'Faltan {{amount}}',
  exact: 'Monto exacto: sin vuelto',
  problems: {
    format: 'No se entiende el monto: escríbalo como 1.234,50 o 1234.50.',
    precision: 'Demasiados decimales para esta moneda.',
    tooLarge: 'El monto es demasiado grande.',
    notPositive: 'El monto debe ser mayor que cero.'
  }
}
