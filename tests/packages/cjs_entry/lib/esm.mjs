export default 'esm default'; export const x = 1;
