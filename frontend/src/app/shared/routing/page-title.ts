import { Injectable, effect, inject } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { I18n } from '../i18n/i18n';
import { type MessageKey, de } from '../i18n/messages.de';
import type { PlainMessageKey } from '../i18n/translate';

/** Route `title`s are message keys; this makes the compiler check them. */
export function pageTitle(key: PlainMessageKey): PlainMessageKey {
  return key;
}

/** Titles come from routes as plain strings; only keys without parameters are accepted there. */
function isTitleKey(value: string): value is PlainMessageKey {
  return Object.hasOwn(de, value) && !de[value as MessageKey].includes('{');
}

/** "Mitglieder – Amtsplan"; re-applied when the language changes, so the tab title follows. */
@Injectable({ providedIn: 'root' })
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly i18n = inject(I18n);
  private currentKey: PlainMessageKey | null = null;

  constructor() {
    super();
    effect(() => {
      this.i18n.language();
      this.apply();
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    const key = this.buildTitle(snapshot);
    this.currentKey = key && isTitleKey(key) ? key : null;
    this.apply();
  }

  private apply(): void {
    const appName = this.i18n.t('app.name');
    this.title.setTitle(this.currentKey ? `${this.i18n.t(this.currentKey)} – ${appName}` : appName);
  }
}
