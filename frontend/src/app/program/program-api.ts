import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { CurriculumView, ExerciseProgressView, MyProgramView, SaveChecklistRequest, SaveReflectionRequest } from '@amtsplan/contracts';
import { type Observable, shareReplay } from 'rxjs';

/** The participant's side of the Lernprogramm: their enrolments, the curriculum, saving exercise work. */
@Injectable({ providedIn: 'root' })
export class ProgramApi {
  private readonly http = inject(HttpClient);
  /**
   * The curriculum is the same for everyone and changes only with a new release, so one request
   * per page load serves "Mein Programm" and the plan's side panel alike. A failed answer is not
   * kept: the next caller asks again.
   */
  private curriculumRequest: Observable<CurriculumView> | null = null;

  myProgram(organizationId: string): Observable<MyProgramView> {
    return this.http.get<MyProgramView>(`${programUrl(organizationId)}`);
  }

  curriculum(): Observable<CurriculumView> {
    if (!this.curriculumRequest) {
      const request = this.http.get<CurriculumView>('/api/program/curriculum').pipe(shareReplay({ bufferSize: 1, refCount: false }));
      this.curriculumRequest = request;
      request.subscribe({ error: () => (this.curriculumRequest = null) });
    }
    return this.curriculumRequest;
  }

  saveReflection(organizationId: string, enrolmentId: string, exerciseId: string, body: SaveReflectionRequest): Observable<ExerciseProgressView> {
    return this.http.put<ExerciseProgressView>(`${exerciseUrl(organizationId, enrolmentId, exerciseId)}/reflection`, body);
  }

  saveChecklist(organizationId: string, enrolmentId: string, exerciseId: string, body: SaveChecklistRequest): Observable<ExerciseProgressView> {
    return this.http.put<ExerciseProgressView>(`${exerciseUrl(organizationId, enrolmentId, exerciseId)}/checklist`, body);
  }
}

function programUrl(organizationId: string): string {
  return `/api/orgs/${encodeURIComponent(organizationId)}/program`;
}

function exerciseUrl(organizationId: string, enrolmentId: string, exerciseId: string): string {
  return `${programUrl(organizationId)}/enrolments/${encodeURIComponent(enrolmentId)}/exercises/${encodeURIComponent(exerciseId)}`;
}
