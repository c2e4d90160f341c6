import type { JournalAction } from '@shared/books'
import type { JournalResult } from '../../shared/journal-text'

/** The journal view (F4) and the journal's words, in Spanish. `journal-en.ts` carries the same keys. */
export const journal = {
  title: 'Diario de la taquilla',
  help: 'Todo lo que pasó en esta taquilla, lo más nuevo primero.',
  list: 'Entradas del diario',
  count: 'Entradas: {{count}}',
  loading: 'Cargando el diario…',
  rowLoading: 'Cargando la entrada {{position}}…',
  empty: 'Ninguna entrada con estos filtros.',
  move: 'moverse',
  columns: {
    seq: 'Nº',
    at: 'Hora',
    action: 'Acción',
    refs: 'Referencias',
    amount: 'Monto',
    result: 'Resultado',
    operator: 'Operador'
  },
  filters: {
    title: 'Filtros del diario',
    text: 'Buscar referencia, transacción o monto',
    day: 'Día',
    action: 'Acción',
    result: 'Resultado',
    all: 'Todos'
  },
  actions: {
    signIn: 'Conexión con Luka',
    lookup: 'Consulta',
    decision: 'Decisión',
    decisionOutcome: 'Entrega de la decisión',
    depositCreated: 'Depósito creado',
    depositOutcome: 'Resultado del depósito',
    depositStatus: 'Estado del depósito',
    outboxDiscarded: 'Descarte de la cola',
    shiftOpened: 'Apertura de turno',
    shiftClosed: 'Cierre de turno',
    settingsChanged: 'Cambio de ajustes',
    storageDamage: 'Archivo de datos dañado',
    outboxRecovered: 'Envío recuperado',
    paymentLink: 'Enlace de pago'
  } satisfies Record<JournalAction, string>,
  results: {
    found: 'encontrado',
    notFound: 'no encontrado',
    accepted: 'registrado',
    delivered: 'entregado',
    attention: 'requiere atención',
    discarded: 'descartado',
    queued: 'en cola',
    approve: 'aprobación',
    reject: 'rechazo',
    created: 'creado',
    unknown: 'resultado desconocido',
    rejected: 'rechazado',
    pending: 'pendiente',
    processing: 'en proceso',
    completed: 'completado',
    failed: 'fallido',
    cancelled: 'anulado',
    expired: 'vencido',
    refunded: 'reembolsado',
    opened: 'abierto',
    balanced: 'cuadrado',
    variance: 'con diferencia',
    saved: 'guardado',
    online: 'en línea',
    offline: 'sin conexión',
    'bad-credentials': 'credenciales inválidas',
    unconfigured: 'sin configurar',
    'signed-out': 'desconectado'
  } satisfies Record<JournalResult, string>,
  refs: {
    reference: 'Ref.',
    transactionId: 'Luka',
    authorizationCode: 'Autorización',
    merchantReference: 'Ref.',
    providerTransactionId: 'LuxCore'
  },
  integrity: {
    region: 'Integridad del diario',
    broken: 'El diario fue alterado: primera entrada inválida nº {{seq}} (línea {{line}}, {{reason}})',
    brokenNoSeq: 'El diario fue alterado: primera entrada inválida en la línea {{line}} ({{reason}})',
    brokenUnknown: 'El diario fue alterado.',
    reasons: {
      edited: 'modificada',
      removed: 'falta una entrada',
      reordered: 'fuera de orden',
      malformed: 'ilegible',
      truncated: 'faltan las últimas entradas'
    },
    tornTail: 'Se recuperó una escritura interrumpida: la última línea, incompleta, se descartó.',
    ok: 'Diario íntegro: {{entries}} entradas verificadas a las {{time}}.',
    unknown: 'El diario aún no se ha verificado.',
    verify: 'Verificar ahora',
    verifying: 'Verificando el diario…'
  },
  reprintNone: 'La entrada elegida no tiene recibo.',
  close: 'Cerrar'
}
