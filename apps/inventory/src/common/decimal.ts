/** Postgres numeric comes back padded to its scale ("0.456200"); the contract carries the plain value. */
export function canonicalDecimal(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}
