import type { KnownInstructionKey } from '../../features/luxcore/instruction-keys'
import type { LuxcoreErrorCode, LuxcoreNamedCode } from '../../shared/provider-codes'

/** The LuxCore deposits panel (F2), in Spanish. `luxcore-en.ts` carries the same keys. */
export const luxcore = {
  title: 'Depósitos LuxCore',
  help: 'Depósitos OXXO y en efectivo: créelos, imprima el comprobante y siga su estado.',
  loading: 'Consultando LuxCore…',
  mode: {
    label: 'Llave de LuxCore',
    test: 'MODO PRUEBA — llave de prueba',
    live: 'EN VIVO — dinero real',
    unknown: 'LLAVE DE TIPO DESCONOCIDO — confirme en Ajustes si es de prueba o en vivo',
    unconfigured: 'LuxCore no está configurado: Ajustes (Ctrl+,)'
  },
  server: 'Servidor: {{url}}',
  balance: {
    title: 'Saldo del comercio',
    available: 'Disponible',
    frozen: 'Congelado',
    total: 'Total',
    error: 'Saldo no disponible:'
  },
  methods: { oxxo: 'OXXO', cash: 'Efectivo' },
  statuses: {
    pending: 'Pendiente',
    processing: 'En proceso',
    completed: 'Completado',
    failed: 'Fallido',
    cancelled: 'Anulado',
    expired: 'Vencido',
    refunded: 'Reembolsado',
    partial_refund: 'Reembolso parcial'
  },
  form: {
    title: 'Nuevo depósito',
    amount: 'Monto (MXN)',
    amountHelp: 'Por ejemplo 1.234,50 o 1234.50',
    understood: '= {{amount}}',
    method: 'Método de pago',
    name: 'Nombre del cliente',
    email: 'Correo del cliente',
    phone: 'Teléfono del cliente',
    description: 'Descripción',
    optional: '(opcional)',
    submit: 'Crear depósito',
    creating: 'Creando el depósito en LuxCore…',
    amountProblems: {
      empty: 'Escriba el monto.',
      format: 'No se entiende el monto: escríbalo como 1.234,50 o 1234.50.',
      precision: 'El monto lleva a lo sumo 2 decimales.',
      tooLarge: 'El monto es demasiado grande.',
      notPositive: 'El monto debe ser mayor que cero.',
      belowMinimum: 'El monto mínimo por depósito es {{limit}}.',
      aboveMaximum: 'El monto máximo por depósito es {{limit}}.'
    }
  },
  deposit: {
    region: 'Depósito {{reference}}',
    reference: 'Referencia del comercio',
    transactionId: 'ID de transacción LuxCore',
    status: 'Estado',
    amount: 'Monto',
    fee: 'Comisión',
    net: 'Monto neto',
    method: 'Método',
    createdAt: 'Creado',
    expiresAt: 'Vence',
    countdown: 'Tiempo restante',
    expired: 'vencido',
    customer: 'Cliente',
    none: '—',
    queued: 'En cola — se creará en LuxCore automáticamente',
    queuedHelp:
      'LuxCore todavía no tiene este depósito: no hay instrucciones que entregar aún. Se creará una sola vez, con la misma referencia.',
    attention: 'REQUIERE ATENCIÓN — LuxCore no aceptó este depósito',
    attentionHelp: 'No se creó en LuxCore. Revíselo en la cola de envíos (F6).',
    discarded: 'DESCARTADO — no se creará en LuxCore',
    lastError: 'Último error:',
    cancelling: 'Anulación en curso — esperando a LuxCore',
    cancelRequested: 'Anulación solicitada.',
    news: 'Novedades del depósito',
    statusNow: 'Depósito {{reference}}: {{status}}',
    refresh: 'Actualizar estado'
  },
  instructions: {
    title: 'Instrucciones de pago',
    empty: 'LuxCore no envió instrucciones.',
    yes: 'Sí',
    no: 'No',
    unnamed: '(sin nombre)',
    labels: {
      bank_details: 'Datos bancarios',
      bank_name: 'Banco',
      account_number: 'Número de cuenta',
      account_holder: 'Titular',
      swift_code: 'Código SWIFT',
      clabe: 'CLABE',
      purpose: 'Concepto',
      reference: 'Referencia',
      amount: 'Monto',
      currency: 'Moneda',
      payment_page: 'Página de pago',
      url: 'URL',
      redirect_url: 'URL de pago',
      voucher: 'Comprobante',
      barcode: 'Código de barras',
      store: 'Tienda',
      instructions: 'Instrucciones',
      expires_at: 'Vence',
      payid_details: 'Datos PayID',
      payid: 'PayID',
      payid_name: 'Nombre PayID',
      payid_type: 'Tipo de PayID'
    } satisfies Record<KnownInstructionKey, string>
  },
  barcode: 'Código de barras {{value}}',
  barcodeFailed: 'No se pudo dibujar el código de barras; su valor:',
  voucher: {
    title: 'Comprobante de depósito LuxCore',
    agency: 'Agencia / taquilla',
    operator: 'Operador',
    printedAt: 'Impreso',
    test: 'PRUEBA — SIN VALOR'
  },
  list: {
    title: 'Depósitos de esta taquilla',
    empty: 'Esta taquilla no tiene depósitos.',
    loading: 'Cargando depósitos…',
    move: 'elegir',
    states: { queued: 'en cola', attention: 'requiere atención', discarded: 'descartado', cancelling: 'anulando…' }
  },
  payments: {
    title: 'Pagos en LuxCore hoy',
    status: 'Estado',
    method: 'Método',
    all: 'Todos',
    loading: 'Cargando pagos…',
    empty: 'No hay pagos con estos filtros.',
    range: '{{from}}–{{to}} de {{total}}',
    rangeOpen: '{{from}}–{{to}}',
    paging: 'Páginas',
    columns: {
      createdAt: 'Hora',
      reference: 'Referencia',
      transactionId: 'ID LuxCore',
      amount: 'Monto',
      method: 'Método',
      status: 'Estado'
    }
  },
  cancel: {
    title: 'Anular depósito de {{amount}}',
    text: 'Va a ANULAR en LuxCore el depósito {{reference}} por {{amount}}. El cliente ya no podrá pagarlo.',
    confirm: 'Confirmar anulación',
    cancel: 'Cancelar'
  },
  close: 'Cerrar'
}

/** LuxCore failures in LuxCore's name, and its own documented codes (errors.luxcore). */
export const luxcoreErrors = {
  named: {
    NOT_CONFIGURED: 'LuxCore no está configurado: abra Ajustes (Ctrl+,) y escriba la llave de API.',
    BAD_CREDENTIALS: 'LuxCore no acepta la llave de API: revísela en Ajustes (Ctrl+,).',
    NETWORK: 'LuxCore no responde: revise la conexión a internet e intente de nuevo.',
    TIMEOUT: 'LuxCore no responde: se agotó el tiempo de espera. Intente de nuevo.',
    PROVIDER_UNAVAILABLE: 'LuxCore no responde: el servicio no está disponible. Intente en unos minutos.',
    RATE_LIMITED: 'LuxCore pide esperar antes de otra consulta. Intente de nuevo en unos segundos.',
    UNAUTHORIZED: 'LuxCore no permite esta operación con esta llave de API.',
    NOT_FOUND: 'No se encontró el pago en LuxCore.',
    NOT_PENDING: 'Este pago ya no está pendiente en LuxCore: no se puede anular.',
    PROVIDER_REJECTED: 'LuxCore rechazó la solicitud.',
    MALFORMED_RESPONSE: 'LuxCore respondió algo que Taquilla no puede leer.',
    REPLY_MISMATCH:
      'LuxCore respondió sobre otra cosa (otro pago, otra referencia, otro monto o moneda): Taquilla no lo da por bueno. Si se repite, avise a soporte.'
  } satisfies Record<LuxcoreNamedCode, string>,
  codes: {
    INVALID_API_KEY: 'LuxCore no reconoce la llave de API: revísela en Ajustes (Ctrl+,).',
    VALIDATION_ERROR: 'LuxCore no aceptó los datos del depósito: revíselos.',
    UNSUPPORTED_CURRENCY: 'LuxCore no acepta esta moneda para este comercio.',
    METHOD_NOT_AVAILABLE: 'Este método de pago no está disponible ahora en LuxCore: pruebe con otro.',
    METHOD_NOT_CONFIGURED: 'Este método de pago no está habilitado para el comercio en LuxCore.',
    INVALID_METHOD: 'LuxCore no reconoce este método de pago.',
    LIMIT_EXCEEDED: 'El monto supera el límite que LuxCore permite por operación.',
    DAILY_LIMIT_EXCEEDED: 'El comercio llegó a su límite diario en LuxCore.',
    MONTHLY_LIMIT_EXCEEDED: 'El comercio llegó a su límite mensual en LuxCore.',
    PAYMENT_ALREADY_PROCESSED: 'El pago ya terminó en LuxCore: no se puede cambiar.',
    INSUFFICIENT_BALANCE: 'El saldo del comercio en LuxCore no alcanza.',
    TTL_EXPIRED: 'El pago venció en LuxCore antes de completarse.',
    MERCHANT_REFERENCE_DUPLICATE: 'LuxCore ya tiene un pago con esta referencia.'
  } satisfies Record<LuxcoreErrorCode, string>
}
