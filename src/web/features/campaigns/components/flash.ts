/** Router state the campaign page reads to confirm what was just done on another page. */
export interface CampaignFlash {
  /** The campaign was launched with this many patrons on its call list. */
  launched?: number;
}
