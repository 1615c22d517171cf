export const name = 'lib-b';
