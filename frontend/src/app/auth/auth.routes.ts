import type { Routes } from '@angular/router';
import { pageTitle } from '../shared/routing/page-title';
import { LoginPage } from './login/login-page';

export const authRoutes: Routes = [{ path: '', title: pageTitle('title.login'), component: LoginPage }];
