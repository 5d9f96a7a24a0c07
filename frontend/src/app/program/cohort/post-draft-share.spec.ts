import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import type { MyProgramView } from '@amtsplan/contracts';
import { program } from '../program-test-data';
import { PostDraftShare } from './post-draft-share';

describe('PostDraftShare', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideNoopAnimations(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(view: MyProgramView, dirty = false) {
    const fixture = TestBed.createComponent(PostDraftShare);
    fixture.componentRef.setInput('organizationId', 'org-1');
    fixture.componentRef.setInput('postId', 'post-1');
    fixture.componentRef.setInput('dirty', dirty);
    await fixture.whenStable();
    http.expectOne('/api/orgs/org-1/program').flush(view);
    await fixture.whenStable();
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  const shareButton = (element: HTMLElement) => Array.from(element.querySelectorAll('button')).find((b) => b.textContent?.includes('Anonymisiert mit der Peer-Gruppe teilen'));

  it('offers an enrolled participant to share the saved post, and asks the server for the anonymised preview', async () => {
    const element = await render(program(5));
    const button = shareButton(element)!;
    expect(button.disabled).toBe(false);
    button.click();
    await Promise.resolve();
    const preview = http.expectOne('/api/orgs/org-1/program/enrolments/enr-1/share-preview');
    expect(preview.request.body).toEqual({ kind: 'post_draft', postId: 'post-1', names: [] });
    preview.flush({ kind: 'post_draft', title: 'Sperrmüll in [Name]', body: 'Fragen an [E-Mail].' });
    TestBed.inject(ApplicationRef).tick();
    expect(document.body.textContent).toContain('Fragen an [E-Mail].');
  });

  it('waits while the editor has unsaved changes', async () => {
    const element = await render(program(5), true);
    expect(shareButton(element)!.disabled).toBe(true);
    expect(element.textContent).toContain('bitte zuerst speichern');
  });

  it('renders nothing for a person without an enrolment', async () => {
    const element = await render({ enrolments: [] });
    expect(shareButton(element)).toBeUndefined();
  });
});
