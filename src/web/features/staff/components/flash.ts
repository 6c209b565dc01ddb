/** Router state the staff list reads to confirm what was just done on another page. */
export interface StaffFlash {
  created?: string;
}
