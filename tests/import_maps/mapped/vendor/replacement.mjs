export const name = 'replacement';
