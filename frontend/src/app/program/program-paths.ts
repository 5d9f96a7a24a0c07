/** The program's URL segment inside an authority (the side navigation's "Lernprogramm"). */
export const PROGRAM_PATH = 'lernprogramm';
