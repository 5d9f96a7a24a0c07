/**
 * German texts of the publishing area, spread into `messages.de.ts`. Kept apart so each area's
 * texts live in one file of their own.
 */
export const publishingDe = {
  'auditAction.publication.published_late': 'Verpasste Veröffentlichung doch veröffentlicht',
  'auditAction.publication.retried': 'Veröffentlichung erneut versucht',
  'auditAction.channel.credentials_removed': 'Zugangsdaten des Kanals entfernt',

  'publishing.status.pending': 'Ausstehend',
  'publishing.status.publishing': 'Wird veröffentlicht',
  'publishing.status.published': 'Veröffentlicht',
  'publishing.status.failed': 'Fehlgeschlagen',
  'publishing.status.unconfirmed': 'Unbestätigt — bitte prüfen',
  'publishing.status.missed': 'Verpasst',
  'publishing.status.manual_due': 'Jetzt veröffentlichen',

  'publishing.panel.heading': 'Veröffentlichung',
  'publishing.panel.refresh': 'Aktualisieren',
  'publishing.panel.none': 'Noch nicht veröffentlicht. Sobald ein freigegebener Beitrag seinen Zeitpunkt erreicht, steht hier der Stand je Kanal.',
  'publishing.panel.claimedAt': 'Vom Veröffentlichungsdienst übernommen am',
  'publishing.openPublished': 'Beitrag auf {channel} ansehen',
  'publishing.confirmedBy': 'bestätigt von {name} am',
  'publishing.nextAttempt': 'Nächster automatischer Versuch:',

  'publishing.task.intro': 'Dieser Kanal wird von Hand veröffentlicht. Bitte den freigegebenen Text unverändert auf {channel} posten und danach die Adresse des Beitrags bestätigen.',
  'publishing.task.text': 'Freigegebener Text',
  'publishing.task.copyText': 'Text kopieren',
  'publishing.task.images': 'Bilder ({count}) mit Alternativtext',
  'publishing.task.noAltText': '(ohne Alternativtext)',
  'publishing.task.copyAltText': 'Alternativtext {position} kopieren',
  'publishing.copied.text': 'Text in die Zwischenablage kopiert.',
  'publishing.copied.altText': 'Alternativtext {position} in die Zwischenablage kopiert.',
  'publishing.copyFailed': 'Kopieren nicht möglich. Bitte den Text markieren und von Hand kopieren.',

  'publishing.confirm.url': 'Adresse des veröffentlichten Beitrags',
  'publishing.confirm.urlHint': 'z. B. https://www.instagram.com/p/…',
  'publishing.confirm.urlInvalid': 'Bitte eine vollständige Adresse mit https:// angeben.',
  'publishing.confirm.submit': 'Als veröffentlicht bestätigen',
  'publishing.markFailed.reason': 'Grund, warum der Beitrag nicht erschienen ist',
  'publishing.markFailed.submit': 'Als fehlgeschlagen markieren',
  'publishing.retry': 'Erneut versuchen',
  'publishing.late.button': 'Jetzt doch veröffentlichen',
  'publishing.late.title': 'Verspätet veröffentlichen?',
  'publishing.late.text':
    'Der geplante Zeitpunkt ist lange vorbei. Der freigegebene Beitrag wird jetzt auf {channel} veröffentlicht, genau wie freigegeben. Passt der Inhalt noch?',
  'publishing.late.confirm': 'Jetzt veröffentlichen',

  'publishing.confirmed': 'Als veröffentlicht bestätigt.',
  'publishing.markedFailed': 'Als fehlgeschlagen markiert.',
  'publishing.retried': 'Wird erneut versucht.',
  'publishing.sentBack': 'Wird jetzt veröffentlicht.',
} as const;
