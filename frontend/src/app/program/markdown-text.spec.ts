import { TestBed } from '@angular/core/testing';
import { MarkdownText } from './markdown-text';

describe('MarkdownText', () => {
  it('shows bold text and lists without spaces the Markdown does not have', async () => {
    const fixture = TestBed.createComponent(MarkdownText);
    fixture.componentRef.setInput('source', 'Bitten Sie um **konkrete Zusagen**. Dann:\n\n- **Zeit**, kurze Wege\n- Vertretung');
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('p')?.textContent).toBe('Bitten Sie um konkrete Zusagen. Dann:');
    expect(element.querySelector('p strong')?.textContent).toBe('konkrete Zusagen');
    expect(Array.from(element.querySelectorAll('li')).map((li) => li.textContent)).toEqual(['Zeit, kurze Wege', 'Vertretung']);
  });
});
