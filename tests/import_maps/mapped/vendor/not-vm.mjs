export const name = 'not-vm';
