import type { Routes } from '@angular/router';
import { MyProgramPage } from './my-program-page';

export const programRoutes: Routes = [{ path: '', component: MyProgramPage }];
