import { DOCUMENT } from '@angular/common';
import { TestBed } from '@angular/core/testing';
import { CALENDAR_STYLESHEET, CalendarStylesheet } from './calendar-stylesheet';

describe('the calendar stylesheet', () => {
  let document: Document;
  let stylesheet: CalendarStylesheet;

  const links = () => Array.from(document.head.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')).filter((link) => link.getAttribute('href') === CALENDAR_STYLESHEET);

  beforeEach(() => {
    TestBed.configureTestingModule({});
    document = TestBed.inject(DOCUMENT);
    stylesheet = TestBed.inject(CalendarStylesheet);
    for (const link of links()) link.remove();
  });

  it('is linked once, however often the plan opens, and ready when it has loaded', async () => {
    let ready = false;
    void stylesheet.load().then(() => (ready = true));
    void stylesheet.load();
    expect(links()).toHaveLength(1);
    await Promise.resolve();
    expect(ready).toBe(false);

    links()[0].dispatchEvent(new Event('load'));
    await stylesheet.load();
    expect(ready).toBe(true);
  });

  it('lets the plan open after a failed load and tries again next time', async () => {
    const first = stylesheet.load();
    links()[0].dispatchEvent(new Event('error'));
    await first;
    expect(links()).toHaveLength(0);

    void stylesheet.load();
    expect(links()).toHaveLength(1);
  });
});
