/** E-mail addresses: compared lower-cased; shown masked where the whole address is not needed. */

export const normaliseAddress = (address: string): string => address.trim().toLowerCase();

/** j•••@example.org: enough for the patron or caller to recognise, useless to anyone else. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return '•••';
  return `${address[0]}•••${address.slice(at)}`;
}
