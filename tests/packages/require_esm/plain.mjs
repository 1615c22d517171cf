export const y = 2;
export const w = 'w';
