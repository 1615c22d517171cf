export const name = 'good';
