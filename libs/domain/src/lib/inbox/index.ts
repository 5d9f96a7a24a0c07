export * from './inbox-status';
export * from './routing-rules';
export * from './response-clock';
export * from './strafantrag-deadline';
export * from './reply-placeholders';
export * from './response-reminders';
export * from './mastodon-mentions';
export * from './sensitive-reply';
