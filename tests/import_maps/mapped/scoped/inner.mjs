import { name as utils } from 'app-utils';
export const name = `inner+${utils}`;
