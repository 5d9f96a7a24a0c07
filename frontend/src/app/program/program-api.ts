import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CohortView,
  CreateShareRequest,
  CurriculumView,
  EnrolmentProgramView,
  ExerciseProgressView,
  ManifestView,
  MidpointReviewView,
  MyProgramView,
  PosterView,
  SaveChecklistRequest,
  SaveManifestRequest,
  SaveMidpointReviewRequest,
  SaveReflectionRequest,
  SetShareReactionRequest,
  SharePreview,
  ShareSource,
  ShareView,
  SignManifestRequest,
} from '@amtsplan/contracts';
import { catchError, map, type Observable, of, shareReplay } from 'rxjs';

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
  /** The signed-in person's enrolment per authority, for the "teilen" buttons outside the program's pages. */
  private readonly ownEnrolments = new Map<string, Observable<EnrolmentProgramView | null>>();

  myProgram(organizationId: string): Observable<MyProgramView> {
    return this.http.get<MyProgramView>(`${programUrl(organizationId)}`);
  }

  /**
   * The signed-in person's enrolment for this authority, or null: asked once per authority and page
   * load (the editors of posts and text blocks open often; an enrolment changes only through the
   * Programmleitung). A failure counts as "not enrolled" and is not kept, so the next caller asks again.
   */
  ownEnrolment(organizationId: string): Observable<EnrolmentProgramView | null> {
    let request = this.ownEnrolments.get(organizationId);
    if (!request) {
      request = this.myProgram(organizationId).pipe(
        map((program) => program.enrolments[0] ?? null),
        catchError(() => {
          this.ownEnrolments.delete(organizationId);
          return of(null);
        }),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
      this.ownEnrolments.set(organizationId, request);
    }
    return request;
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

  /** The image of an upload exercise, replacing an earlier one; the alt text goes before the file. */
  uploadImage(organizationId: string, enrolmentId: string, exerciseId: string, altText: string, file: File): Observable<ExerciseProgressView> {
    const body = new FormData();
    body.append('altText', altText);
    body.append('file', file, file.name);
    return this.http.post<ExerciseProgressView>(`${exerciseUrl(organizationId, enrolmentId, exerciseId)}/upload`, body);
  }

  changeUploadAltText(organizationId: string, enrolmentId: string, exerciseId: string, version: number, altText: string): Observable<ExerciseProgressView> {
    return this.http.patch<ExerciseProgressView>(`${exerciseUrl(organizationId, enrolmentId, exerciseId)}/upload`, { version, altText });
  }

  removeUpload(organizationId: string, enrolmentId: string, exerciseId: string): Observable<ExerciseProgressView> {
    return this.http.delete<ExerciseProgressView>(`${exerciseUrl(organizationId, enrolmentId, exerciseId)}/upload`);
  }

  /** The exact copy that would leave the authority; nothing is shared yet. */
  sharePreview(organizationId: string, enrolmentId: string, source: ShareSource): Observable<SharePreview> {
    return this.http.post<SharePreview>(`${enrolmentUrl(organizationId, enrolmentId)}/share-preview`, source);
  }

  share(organizationId: string, enrolmentId: string, body: CreateShareRequest): Observable<ShareView> {
    return this.http.post<ShareView>(`${enrolmentUrl(organizationId, enrolmentId)}/shares`, body);
  }

  cohort(cohortId: string): Observable<CohortView> {
    return this.http.get<CohortView>(cohortUrl(cohortId));
  }

  comment(cohortId: string, shareId: string, body: string): Observable<ShareView> {
    return this.http.post<ShareView>(`${cohortUrl(cohortId)}/shares/${encodeURIComponent(shareId)}/comments`, { body });
  }

  react(cohortId: string, shareId: string, body: SetShareReactionRequest): Observable<ShareView> {
    return this.http.put<ShareView>(`${cohortUrl(cohortId)}/shares/${encodeURIComponent(shareId)}/reaction`, body);
  }

  withdraw(cohortId: string, shareId: string): Observable<void> {
    return this.http.delete<void>(`${cohortUrl(cohortId)}/shares/${encodeURIComponent(shareId)}`);
  }

  manifest(organizationId: string): Observable<ManifestView> {
    return this.http.get<ManifestView>(`${programUrl(organizationId)}/manifest`);
  }

  saveManifest(organizationId: string, body: SaveManifestRequest): Observable<ManifestView> {
    return this.http.put<ManifestView>(`${programUrl(organizationId)}/manifest`, body);
  }

  signManifest(organizationId: string, body: SignManifestRequest): Observable<ManifestView> {
    return this.http.post<ManifestView>(`${programUrl(organizationId)}/manifest/signature`, body);
  }

  midpointReview(organizationId: string, enrolmentId: string): Observable<MidpointReviewView> {
    return this.http.get<MidpointReviewView>(`${enrolmentUrl(organizationId, enrolmentId)}/midpoint-review`);
  }

  saveMidpointReview(organizationId: string, enrolmentId: string, body: SaveMidpointReviewRequest): Observable<MidpointReviewView> {
    return this.http.put<MidpointReviewView>(`${enrolmentUrl(organizationId, enrolmentId)}/midpoint-review`, body);
  }

  poster(organizationId: string, enrolmentId: string): Observable<PosterView> {
    return this.http.get<PosterView>(`${enrolmentUrl(organizationId, enrolmentId)}/poster`);
  }
}

/** Where the browser downloads the poster as an A1 PDF or as slides (a plain link, the session cookie goes along). */
export function posterDownloadUrl(organizationId: string, enrolmentId: string, format: 'a1' | 'slides'): string {
  return `${enrolmentUrl(organizationId, enrolmentId)}/${format === 'a1' ? 'poster.pdf' : 'poster-slides.pdf'}`;
}

/** The cohort's remaining meetings as an .ics file (a plain link, the session cookie goes along). */
export function cohortCalendarUrl(cohortId: string): string {
  return `${cohortUrl(cohortId)}/calendar.ics`;
}

function cohortUrl(cohortId: string): string {
  return `/api/program/cohorts/${encodeURIComponent(cohortId)}`;
}

function enrolmentUrl(organizationId: string, enrolmentId: string): string {
  return `${programUrl(organizationId)}/enrolments/${encodeURIComponent(enrolmentId)}`;
}

function programUrl(organizationId: string): string {
  return `/api/orgs/${encodeURIComponent(organizationId)}/program`;
}

function exerciseUrl(organizationId: string, enrolmentId: string, exerciseId: string): string {
  return `${programUrl(organizationId)}/enrolments/${encodeURIComponent(enrolmentId)}/exercises/${encodeURIComponent(exerciseId)}`;
}

/** Where an upload exercise's image is served (only to the enrolled person); the version defeats a cached older image. */
export function exerciseUploadUrl(organizationId: string, enrolmentId: string, exerciseId: string, version: number): string {
  return `${exerciseUrl(organizationId, enrolmentId, exerciseId)}/upload/file?v=${version}`;
}

/** Where a shared image is served (to the cohort and its facilitator). */
export function sharedImageUrl(cohortId: string, shareId: string): string {
  return `${cohortUrl(cohortId)}/shares/${encodeURIComponent(shareId)}/image`;
}
