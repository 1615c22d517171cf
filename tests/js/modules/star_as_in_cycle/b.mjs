import * as main from '../star_as_in_cycle.mjs';
export const x = 1;
export function get() {
  return [main.y, main.s.z, Object.keys(main).join()].join(' ');
}
export { main };
