export const where = 'sub';
export const object = { where };
