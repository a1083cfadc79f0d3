// Whitespace as String.prototype.trim and the regex class \s see it.
export function isWs(c: number): boolean {
  // Most characters are printable ASCII or Latin-1: two comparisons decide them.
  if (c < 0xa0) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}
