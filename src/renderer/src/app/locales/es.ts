import { lockedSentence, unwritableSentence } from '@shared/startup-text'
import type { ErrorCode } from '@shared/errors'
import { journal } from './journal-es'
import { ledger } from './ledger-es'
import { link } from './link-es'
import { lox24 } from './lox24-es'
import { lox24Errors } from './lox24-errors-es'
import { operatorErrors, operators } from './operators-es'
import { luxcore, luxcoreErrors } from './luxcore-es'
import { change, documents, receipt } from './receipt-es'
import { shift, xreport, zreport } from './shift-es'
import { training } from './training-es'
import { updates } from './updates-es'

/** Spanish, the teller's default language. `en.ts` must carry the same keys (typed). */
export const es = {
  app: {
    title: 'Taquilla',
    infoError: 'No se pudo leer la configuración de Taquilla.',
    crashRetry: 'Volver a intentar',
    panelLoading: 'Abriendo {{panel}}…',
    loading: 'Cargando…'
  },
  storage: {
    title: 'Atención: archivos de datos de Taquilla',
    damage: {
      torn: 'La última línea de {{file}} quedó cortada (se apagó el equipo mientras escribía); se descartó.',
      damaged:
        '{{file}} estaba dañado: se recuperó todo lo legible y lo pendiente se verifica con el proveedor antes de reenviarlo.',
      cut: '{{file}} está más corto de lo que se escribió: faltan líneas. Lo pendiente se verifica con el proveedor antes de reenviarlo.',
      missing:
        '{{file}} ha desaparecido. Lo pendiente se recupera de los libros y se verifica con el proveedor antes de reenviarlo.',
      replaced: 'En lugar de {{file}} había otra cosa (una carpeta); se apartó y se empezó un archivo nuevo.'
    },
    keptAs: 'Copia guardada: {{keptAs}}. Avise a soporte.',
    nothingKept: 'No había nada que copiar. Avise a soporte.'
  },
  status: {
    bar: 'Barra de estado',
    connection: 'Conexión con Luka',
    luka: 'Luka: {{state}}',
    states: {
      unknown: 'consultando…',
      unconfigured: 'sin configurar',
      'signed-out': 'desconectado',
      'signing-in': 'conectando…',
      online: 'en línea',
      'bad-credentials': 'credenciales inválidas',
      offline: 'sin conexión'
    },
    terminal: 'Taquilla',
    operator: 'Operador',
    unset: 'sin nombre',
    shortcuts: 'Atajos de teclado'
  },
  shortcuts: {
    approve: 'Aprobar',
    reject: 'Rechazar',
    retry: 'Reintentar ahora',
    openOutbox: 'Cola de envíos',
    openLuxcore: 'Depósitos LuxCore',
    openLink: 'Enlace de pago',
    copyLink: 'Copiar enlace',
    searchByReference: 'Referencia',
    searchByTransactionId: 'ID Luka',
    searchByAuthorizationCode: 'Cód. autorización',
    openSettings: 'Ajustes',
    connect: 'Conectar',
    sendSms: 'Enviar recibo por SMS',
    openTopup: 'Recargar crédito SMS',
    clear: 'Limpiar',
    confirm: 'Confirmar',
    cancel: 'Cancelar',
    retryNow: 'Reintentar ahora',
    discard: 'Descartar…',
    printVoucher: 'Imprimir comprobante',
    cancelDeposit: 'Anular…',
    previousPage: 'Anterior',
    nextPage: 'Siguiente',
    openShift: 'Turno',
    openJournal: 'Diario',
    printDocument: 'Imprimir',
    saveDocumentPdf: 'Guardar PDF',
    exportCsv: 'Exportar CSV'
  },
  search: {
    form: 'Buscar pago',
    by: 'Buscar por',
    keys: {
      reference: 'Referencia',
      transactionId: 'ID de transacción Luka',
      authorizationCode: 'Código de autorización'
    },
    field: 'Buscar pago por {{key}}',
    placeholder: 'Escanee o escriba y pulse Enter',
    submit: 'Buscar',
    searching: 'Buscando en Luka…'
  },
  card: {
    region: 'Pago encontrado',
    amount: 'Monto',
    amountUsd: 'Monto en dólares',
    payer: 'Pagador',
    payerName: 'Nombre',
    email: 'Correo',
    phone: 'Teléfono',
    idNumber: 'Cédula / documento',
    transactionId: 'ID de transacción Luka',
    traceId: 'ID de traza',
    merchantId: 'ID de comercio',
    merchantTransactionId: 'Transacción del comercio',
    operationDate: 'Fecha de la operación',
    channel: 'Canal',
    paymentMethod: 'Medio de pago',
    processingStatus: 'Estado en Luka',
    description: 'Descripción',
    none: '—',
    statuses: {
      pending: 'Pendiente',
      success: 'Aprobado'
    },
    alreadyApproved: 'Ya aprobado en Luka: no hay nada que decidir.',
    notDecidable: 'Este pago está «{{status}}»: no se puede aprobar ni rechazar.'
  },
  decision: {
    actions: 'Decisión',
    sendingNow: 'Enviando la decisión a Luka…',
    approve: 'aprobación',
    reject: 'rechazo',
    decided: {
      approve: 'Esta taquilla aprobó este pago',
      reject: 'Esta taquilla rechazó este pago'
    },
    sending: 'Enviando a Luka… (intento {{attempts}})',
    delivered: 'Entregado a Luka',
    reply: 'Luka respondió: «{{status}}»',
    replyId: 'Nº de operación Luka: {{id}}',
    replyCode: 'Código de autorización: {{code}}',
    queued: 'En cola — se entregará a Luka automáticamente',
    queuedHelp:
      'Luka todavía no tiene esta decisión: el pago sigue pendiente en Luka hasta que se entregue. No hace falta decidirlo otra vez.',
    attention: 'REQUIERE ATENCIÓN — Luka no tomó esta decisión',
    attentionHelp: 'Una persona debe revisarla en la cola de envíos (F6).',
    discarded: 'DESCARTADA de la cola — NO se entregará a Luka',
    lastError: 'Último error:',
    nextAttempt: 'Próximo intento: {{when}}',
    attempts: 'Intentos: {{attempts}}',
    note: 'Motivo: {{note}}'
  },
  dialog: {
    approveTitle: 'Aprobar pago de {{amount}}',
    rejectTitle: 'Rechazar pago de {{amount}}',
    approveText: 'Va a APROBAR el pago de {{amount}} (ID Luka {{id}}).',
    rejectText: 'Va a RECHAZAR el pago de {{amount}} (ID Luka {{id}}).',
    reason: 'Motivo del rechazo',
    reasonHelp: 'Obligatorio, hasta {{max}} caracteres. Luka lo guarda como «Observaciones».',
    authorizationCode: 'Código de autorización',
    optional: '(opcional)',
    confirmApprove: 'Confirmar aprobación',
    confirmReject: 'Confirmar rechazo',
    cancel: 'Cancelar',
    keys: 'Enter confirma · Esc cancela'
  },
  settings: {
    printer: {
      title: 'Impresora de recibos',
      name: 'Impresora',
      hint: 'Recibos, comprobantes LuxCore y reportes Z salen directo a ella, al ancho del rollo.',
      none: 'Ninguna: el diálogo de impresión del sistema',
      missing: '{{name}} (no disponible ahora)',
      paper: 'Ancho del rollo',
      paperMm: '{{mm}} mm',
      test: 'Imprimir prueba',
      testPage: 'Prueba de impresión: {{name}}, rollo de {{mm}} mm.'
    },
    diagnostics: {
      export: 'Exportar diagnóstico',
      saving: 'Exportando el diagnóstico…',
      saved: 'Diagnóstico guardado en {{path}} (sin contraseñas ni claves): envíelo a soporte.'
    },
    title: 'Ajustes',
    environment: 'Entorno de Luka',
    environments: { qa: 'QA (pruebas)', production: 'Producción', custom: 'Personalizado' },
    customUrl: 'URL de Luka personalizada',
    baseUrl: 'URL en uso: {{url}}',
    username: 'Usuario de Luka',
    password: 'Contraseña de Luka',
    passwordSaved: 'Contraseña guardada. Déjela en blanco para conservarla.',
    passwordNone: 'No hay contraseña guardada.',
    noEncryption: 'Este equipo no puede cifrar contraseñas: la contraseña no se puede guardar aquí.',
    terminal: 'Nombre de la taquilla',
    terminalHint: 'Por ejemplo «Agencia CCCT, Taquilla 2». Luka lo recibe con cada decisión.',
    updateUrl: 'URL de actualizaciones',
    updateUrlHint: 'La carpeta con latest.yml. Vacía: Taquilla no busca actualizaciones.',
    operator: 'Nombre del operador',
    language: 'Idioma',
    languages: { es: 'Español', en: 'English' },
    overridden: 'Fijado por variable de entorno',
    save: 'Guardar y probar conexión',
    close: 'Cerrar',
    saving: 'Guardando…',
    saved: 'Ajustes guardados.',
    testing: 'Probando la conexión con Luka…',
    connected: 'Conexión con Luka correcta.',
    connectionState: 'Luka: {{state}}',
    loading: 'Cargando ajustes…',
    luxcore: 'LuxCore',
    luxcoreUrl: 'URL de LuxCore',
    luxcoreUrlHint: 'En blanco: la URL de LuxCore de siempre.',
    luxcoreKey: 'Llave de API de LuxCore',
    luxcoreKeySaved: 'Llave guardada ({{mode}}). Déjela en blanco para conservarla.',
    luxcoreKeyNone: 'No hay llave guardada.',
    luxcoreKeyModes: { test: 'prueba', live: 'en vivo', unknown: 'tipo desconocido' },
    luxcoreNoEncryption: 'Este equipo no puede cifrar la llave: no se puede guardar aquí.',
    linkGroup: 'Enlaces de pago y pantalla del cliente',
    linkCurrencies: 'Monedas de los enlaces',
    linkCurrenciesHint: 'Códigos separados por comas; la primera viene elegida (USD,VES).',
    linkMethods: 'Métodos de pago de los enlaces',
    linkMethodsHint: 'Claves de Luka separadas por comas (zelle,…); vacío: Luka ofrece todos.',
    customerDisplay: 'Pantalla del cliente',
    customerDisplayHint: 'Una segunda ventana hacia el cliente (en la segunda pantalla si hay una); se abre al iniciar.'
  },
  luxcore,
  link,
  lox24,
  operators,
  ledger,
  shift,
  zreport,
  xreport,
  journal,
  updates,
  receipt,
  training,
  documents,
  change,
  outbox: {
    title: 'Cola de envíos',
    help: 'Lo que espera entregarse a los proveedores, y lo entregado o descartado hace poco.',
    status: 'Estado de la cola de envíos',
    provider: 'Envíos a {{provider}}: {{state}}',
    providerStates: { online: 'en línea', degraded: 'con fallas', offline: 'sin conexión' },
    waiting: 'en cola: {{count}}',
    oldest: 'el más antiguo {{age}}',
    attentionCount: 'requieren atención: {{count}}',
    totals: 'Monto en cola:',
    total: '{{amount}} ({{count}})',
    summaryError: 'Cola de envíos:',
    list: 'Envíos',
    active: 'En cola',
    history: 'Entregados y descartados',
    empty: 'No hay nada en la cola de envíos.',
    loading: 'Cargando la cola de envíos…',
    move: 'elegir',
    actions: 'Acciones del envío elegido',
    close: 'Cerrar',
    retried: 'Se reintentará ahora.',
    discarded: 'Envío descartado.',
    subject: {
      approve: 'Aprobación · {{provider}} {{id}}',
      reject: 'Rechazo · {{provider}} {{id}}',
      notify: 'Notificación · {{provider}} {{id}}',
      create: 'Registro · {{provider}} {{reference}}',
      cancel: 'Anulación · {{provider}} {{reference}}',
      sms: 'SMS · {{provider}} {{reference}}',
      topup: 'Recarga de crédito SMS · {{provider}}'
    },
    noAmount: 'sin monto',
    states: {
      pending: 'pendiente',
      sending: 'enviando',
      delivered: 'entregado',
      attention: 'requiere atención',
      discarded: 'descartado'
    },
    attempts: 'Intentos: {{count}}',
    nextAttempt: 'Próximo intento: {{when}}',
    createdAt: 'Creado: {{when}}',
    lastError: 'Último error: {{error}}',
    attention: {
      rejected: '{{provider}} no aceptó este envío',
      conflict: 'En {{provider}} esta transacción se decidió de otra forma',
      unverified: '{{provider}} no dejó saber si recibió este envío: revíselo antes de reintentar o descartar',
      unconfirmed: 'No confirmado: {{provider}} pudo haberlo recibido. No se reenvía solo; reintentar lo envía otra vez'
    },
    discardReason: 'Motivo del descarte: {{reason}}',
    discard: {
      title: 'Descartar {{what}}',
      text: 'Va a retirar de la cola «{{what}}» por {{amount}}. NO se entregará a {{provider}}.',
      reason: 'Motivo del descarte',
      reasonHelp: 'Obligatorio, hasta {{max}} caracteres.',
      reasonRequired: 'Escriba el motivo del descarte.',
      confirm: 'Confirmar descarte',
      cancel: 'Cancelar'
    }
  },
  errors: {
    codes: {
      VALIDATION: 'Revise los datos ingresados.',
      NOT_CONFIGURED: 'Luka no está configurado: abra Ajustes (Ctrl+,) y escriba usuario y contraseña.',
      BAD_CREDENTIALS: 'Revise su usuario y contraseña de Luka.',
      ENCRYPTION_UNAVAILABLE: 'Este equipo no puede cifrar la contraseña; no se guardó.',
      NETWORK: 'Luka no responde: revise la conexión a internet e intente de nuevo.',
      TIMEOUT: 'Luka no responde: se agotó el tiempo de espera. Intente de nuevo.',
      PROVIDER_UNAVAILABLE: 'Luka no responde: el servicio no está disponible. Intente en unos minutos.',
      RATE_LIMITED: 'Luka pide esperar antes de otra consulta. Intente de nuevo en unos segundos.',
      UNAUTHORIZED: 'Luka rechazó la sesión. Pulse Conectar (Ctrl+L) e intente de nuevo.',
      NOT_FOUND: 'No se encontró el pago en Luka.',
      PROVIDER_REJECTED: 'Luka rechazó la solicitud.',
      MALFORMED_RESPONSE: 'Luka respondió algo que Taquilla no puede leer.',
      REPLY_MISMATCH:
        'Luka respondió sobre otra cosa (otra transacción, otra decisión o un monto imposible): Taquilla no lo da por bueno. Busque de nuevo; si se repite, avise a soporte.',
      ALREADY_DECIDED: 'Esta taquilla ya decidió este pago: no se puede decidir dos veces.',
      DECISION_IN_FLIGHT: 'La decisión de este pago ya se está enviando a Luka. Espere la respuesta.',
      NOT_PENDING: 'Este pago ya no está pendiente en Luka.',
      OUTBOX_LIMIT:
        'Hay demasiado esperando en la cola de envíos: esta taquilla no acepta operaciones nuevas (aprobaciones ni depósitos) hasta que se entreguen algunas. Revise la cola (F6).',
      ENDPOINT_CHANGED:
        'Este envío se aceptó para otro servidor o usuario del proveedor y los ajustes cambiaron: no se envía a otro lado. Revíselo en la cola (F6).',
      PRINT_FAILED:
        'La impresora de recibos no imprimió: revise que esté encendida y tenga papel, o elija otra en Ajustes.',
      INSECURE_URL:
        'La URL del proveedor no es segura (debe ser https://, o http:// solo hacia este equipo): no se envía nada. Corríjala en Ajustes (Ctrl+,).',
      OUTBOX_LOCKED:
        'Otra Taquilla está usando esta carpeta de datos. Cierre la otra ventana de Taquilla; si no hay otra, avise a soporte.',
      TRAINING_REFUSED:
        'En modo de entrenamiento no se usan datos reales de Luka ni de LuxCore: los simuladores los reemplazan. Para trabajar con pagos reales, salga del modo de entrenamiento.',
      TRAINING_ONLY: 'Esto solo existe en el modo de entrenamiento.',
      DATA_DIR_MODE:
        'Esta carpeta de datos es del otro modo (entrenamiento o real): los libros no se mezclan. Use otra carpeta.',
      STORAGE_UNWRITABLE:
        'El disco no deja guardar: Taquilla no acepta decisiones ni depósitos nuevos hasta que se pueda escribir de nuevo. Avise a soporte.',
      FORBIDDEN: 'Operación no permitida desde esta ventana.',
      // operators (issue 11)
      SIGN_IN_REQUIRED: 'Inicie sesión para seguir: la taquilla está bloqueada o nadie ha iniciado sesión.',
      WRONG_PIN: 'PIN equivocado.',
      ACCOUNT_LOCKED: 'Demasiados PIN equivocados seguidos: la cuenta queda bloqueada 5 minutos.',
      APPROVAL_REQUIRED: 'Esto necesita la autorización de un supervisor.',
      APPROVAL_REFUSED: 'La autorización del supervisor fue rechazada.',
      LEDGER_REFUSED: 'El servidor de la agencia rechazó la solicitud.',
      LEDGER_UNREACHABLE: 'No se pudo conectar con el servidor de la agencia: revise la URL y la red.',
      INTERNAL: 'Error interno de Taquilla. Intente de nuevo; si se repite, avise a soporte.'
    } satisfies Record<ErrorCode, string>,
    validation: {
      empty: 'Escriba o escanee lo que va a buscar.',
      tooLong: 'El texto es demasiado largo.',
      controlChars: 'El texto tiene caracteres no válidos (tabuladores, saltos de línea…).',
      hiddenChars:
        'El texto tiene caracteres invisibles o dañados (marcas de dirección, espacios de ancho cero…): escríbalo de nuevo.',
      required: 'Este dato es obligatorio: no puede quedar en blanco.',
      tooLarge: 'El monto es demasiado grande.',
      notNumeric: 'El ID de transacción Luka lleva solo números (hasta 15 dígitos).',
      reasonRequired: 'Escriba el motivo del rechazo.',
      url: 'La URL debe empezar por https:// (o http:// solo hacia este mismo equipo) y no llevar espacios.',
      belowMinimum: 'El monto es menor que el mínimo por depósito.',
      aboveMaximum: 'El monto es mayor que el máximo por depósito.',
      email: 'El correo no es válido: debe ser como nombre@dominio.com.',
      phone: 'El teléfono no es válido: de 7 a 20 números, con +, espacios, guiones o paréntesis.',
      noteRequired: 'Lo contado no coincide con lo esperado: escriba una nota que explique la diferencia.',
      shiftOpen: 'Ya hay un turno abierto: ciérrelo antes de abrir otro.',
      noShift: 'No hay un turno abierto que cerrar.',
      noShiftForX: 'No hay un turno abierto: el reporte X necesita uno.',
      currencies: 'Escriba códigos de moneda de tres letras separados por comas (USD,VES).',
      methods: 'Escriba claves de métodos separadas por comas, sin espacios dentro (zelle,tdc).',
      currency: 'Esa moneda no está entre las monedas de los enlaces (Ajustes).',
      method: 'Ese método de pago no está entre los configurados (Ajustes).',
      sender: 'El remitente: hasta 11 letras o números, o un número de hasta 15 dígitos.',
      lox24Token: 'El token de LOX24 va como clientId:apiKey, sin espacios.',
      firstSupervisor: 'La primera cuenta debe ser de supervisor.',
      nameTaken: 'Ya hay un operador con ese nombre.',
      lastSupervisor: 'No se puede desactivar al último supervisor activo.',
      fixed: 'Este ajuste lo fija una variable de entorno.',
      pin: 'El PIN lleva de 4 a 8 dígitos, solo números.'
    },
    luxcore: luxcoreErrors,
    outboxLocked: lockedSentence.es,
    unwritable: unwritableSentence.es,
    lox24: lox24Errors,
    operators: operatorErrors,
    outboxLimit: {
      items:
        'Hay demasiadas operaciones en {{currency}} esperando en la cola de envíos: esta taquilla no acepta operaciones nuevas en {{currency}} (aprobaciones ni depósitos) hasta que se entreguen algunas. Revise la cola (F6).',
      amount:
        'El monto en {{currency}} que espera en la cola de envíos llegó al límite: esta taquilla no acepta operaciones nuevas en {{currency}} (aprobaciones ni depósitos) hasta que se entreguen algunas. Revise la cola (F6).'
    },
    retryAfter: 'Espere {{seconds}} s.',
    provider: '{{provider}}: «{{message}}»',
    providerCode: 'código {{code}}'
  }
}
