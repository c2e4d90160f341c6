/** LOX24: SMS receipts, the SMS credit and its top-up (Spanish). */
export const lox24 = {
  settings: {
    legend: 'SMS (LOX24)',
    url: 'URL de LOX24',
    urlHint: 'En blanco: la URL de LOX24 de siempre.',
    token: 'Token de LOX24',
    tokenHint: 'Como clientId:apiKey.',
    tokenSaved: 'Token guardado. Déjelo en blanco para conservarlo.',
    tokenNone: 'No hay token guardado.',
    noEncryption: 'Este equipo no puede cifrar el token: no se puede guardar aquí.',
    sender: 'Remitente de los SMS',
    senderHint: 'Hasta 11 letras o números, o un número de hasta 15 dígitos.',
    country: 'País de los teléfonos sin +',
    countries: { VE: 'Venezuela (+58)', MX: 'México (+52)' },
    receipts: 'Ofrecer recibo por SMS',
    lowCredit: 'Avisar cuando el crédito de SMS baje de',
    supervisor: 'La recarga de crédito pide el PIN de un supervisor cuando hay operadores.'
  },
  credit: {
    label: 'Crédito SMS',
    value: 'Crédito SMS: {{amount}}',
    low: 'Crédito SMS bajo: {{amount}}',
    unknown: 'Crédito SMS: —',
    blocked: 'LOX24 bloqueado hasta las {{time}}'
  },
  sms: {
    title: 'Enviar SMS',
    offer: 'Enviar recibo por SMS',
    phone: 'Teléfono',
    phoneAs: 'Se enviará a {{phone}}',
    text: 'Mensaje',
    length: '{{characters}} caracteres · {{segments}} SMS',
    unicode: 'Unicode (acentos): 70 caracteres por SMS',
    tooLong: 'El mensaje es demasiado largo para LOX24.',
    send: 'Enviar',
    cancel: 'Cancelar',
    problems: {
      empty: 'Escriba el teléfono.',
      characters: 'El teléfono lleva solo números, espacios, guiones y un + al inicio.',
      length: 'El número internacional no es válido (E.164: hasta 15 dígitos).',
      national: 'El número no parece de {{country}}: escríbalo con + y el código del país.'
    },
    states: {
      queued: 'SMS en cola: se enviará',
      sending: 'Enviando SMS…',
      sent: 'SMS enviado',
      unconfirmed: 'SMS no confirmado: revise la cola (F6); puede enviarlo otra vez',
      attention: 'SMS no enviado',
      discarded: 'SMS descartado'
    },
    delivery: {
      accepted: 'aceptado por LOX24',
      transmitted: 'entregado al operador',
      delivered: 'entregado',
      failed: 'no entregado'
    },
    receipt: {
      luka: '{{agency}}: pago {{amount}} recibido. Ref. {{reference}}. Operación Luka {{operation}}. {{date}}',
      luxcore: '{{agency}}: depósito {{amount}} creado. Ref. {{reference}}. LuxCore {{operation}}. {{date}}',
      link: '{{agency}}: pague {{amount}} en {{url}} Ref. {{reference}}. {{date}}'
    }
  },
  topup: {
    title: 'Recargar crédito SMS',
    open: 'Recargar crédito SMS',
    method: 'Medio de pago',
    sepa: 'Domiciliación SEPA {{iban}}',
    card: '{{brand}} •••• {{last4}} (vence {{month}}/{{year}})',
    none: 'LOX24 no tiene medios de pago guardados: agréguelos en la cuenta web de LOX24.',
    amount: 'Monto',
    amountHint: 'Neto en {{currency}}; LOX24 suma IVA y comisión.',
    create: 'Recargar',
    close: 'Cerrar',
    tryAgain: 'Intentar otra vez',
    facts: { amount: 'Total', net: 'Neto', vat: 'IVA', fee: 'Comisión', invoice: 'Factura', status: 'Estado' },
    statuses: {
      new: 'nuevo',
      inProgress: 'en proceso',
      done: 'hecho',
      cancelledByUser: 'cancelado por el usuario',
      cancelledByTimeout: 'cancelado por tiempo',
      cancelledByAdmin: 'cancelado por LOX24',
      error: 'error',
      unknown: 'desconocido'
    },
    states: {
      queued: 'En cola: LOX24 no responde; se enviará.',
      sending: 'Enviando…',
      created: 'Pago creado en LOX24.',
      unconfirmed:
        'LOX24 no confirmó el pago y no aparece en sus pagos recientes. No se reintenta solo: puede intentar otra vez.',
      attention: 'LOX24 no aceptó el pago.',
      discarded: 'Descartado.'
    },
    supervisor: 'Solo supervisores: se pedirá el PIN de un supervisor si hay operadores.'
  }
}
