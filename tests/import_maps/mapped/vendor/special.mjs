export const name = 'special';
