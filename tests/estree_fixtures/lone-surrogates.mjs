// Lone surrogates in string literals: JSON.stringify writes them as \u escapes.
export const lone = 'a\ud801b';
export const trail = "\udc28";
export const pair = '\ud801\udc28';
export const swapped = '\udc28\ud801';
export const braced = '\u{d801}x';
