export const name = 'not-replaced';
