import { HttpErrorResponse } from '@angular/common/http';
import { isNetworkFailure, problemOf } from './problem';

describe('problemOf', () => {
  it('returns the problem body of an API error', () => {
    const problem = { type: 'urn:amtsplan:problem:not-found', title: 'Nicht gefunden', status: 404, detail: 'Weg' };
    const error = new HttpErrorResponse({ status: 404, error: problem });

    expect(problemOf(error)).toEqual(problem);
  });

  it('returns null for bodies that are not problems (proxy error pages, network failures)', () => {
    expect(problemOf(new HttpErrorResponse({ status: 502, error: '<html>Bad Gateway</html>' }))).toBeNull();
    expect(problemOf(new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') }))).toBeNull();
    expect(problemOf(new Error('kein HTTP-Fehler'))).toBeNull();
  });

  it('tells a network failure from an answered error', () => {
    expect(isNetworkFailure(new HttpErrorResponse({ status: 0 }))).toBe(true);
    expect(isNetworkFailure(new HttpErrorResponse({ status: 500 }))).toBe(false);
  });
});
