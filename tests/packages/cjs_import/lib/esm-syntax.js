export const esm = 'a .js file with module syntax and no type';
