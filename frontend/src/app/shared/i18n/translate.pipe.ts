import { Pipe, type PipeTransform, inject } from '@angular/core';
import { I18n } from './i18n';
import type { MessageKey } from './messages.de';
import type { MessageParams } from './translate';

/**
 * `{{ 'login.submit' | t }}`. Impure so that it is re-evaluated with the view: it reads the
 * language signal, which is what makes a runtime language switch reach OnPush views.
 */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform<K extends MessageKey>(key: K, ...params: MessageParams<K>): string {
    return this.i18n.t(key, ...params);
  }
}
