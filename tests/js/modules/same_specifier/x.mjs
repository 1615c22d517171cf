export const where = 'top';
export const object = { where };
