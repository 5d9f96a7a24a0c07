import type { ApplicationRef } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import { App } from './app';
import { appConfig } from './app.config';
import type { EarlyAnswers } from './shared/http/early-answers';
import { EARLY_ANSWERS } from './shared/http/early-answers.interceptor';

/** Starts Angular with the answers main.ts has asked for already. */
export function startApp(early: EarlyAnswers): Promise<ApplicationRef> {
  return bootstrapApplication(App, { providers: [...appConfig.providers, { provide: EARLY_ANSWERS, useValue: early }] });
}
