export const name = 'utils-scoped';
