await 0;
export const x = 1;
