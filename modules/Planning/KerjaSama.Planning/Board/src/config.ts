// What the page (SessionBoard.razor) tells the board, in <script type="application/json" id="board-config">.
export interface BoardConfig {
  sessionId: string;
  exerciseId: string;
  exerciseTitle: string;
  language: string;
  userId: string;
  userName: string;
  organisationId: string;
  organisationName: string;
  role: string;
  invitedOrganisationIds: string[];
  /** The exercise's government level (provinsi, kabupaten_kota): the code picker offers kegiatan of that level only. */
  governmentLevel?: string;
}

export function readConfig(): BoardConfig {
  const element = document.getElementById('board-config');
  if (!element?.textContent) throw new Error('The board configuration (#board-config) is missing.');
  const config = JSON.parse(element.textContent) as BoardConfig;
  const lower = (s: string) => (s ?? '').toLowerCase();
  return {
    ...config,
    sessionId: lower(config.sessionId), exerciseId: lower(config.exerciseId), userId: lower(config.userId),
    organisationId: lower(config.organisationId), invitedOrganisationIds: (config.invitedOrganisationIds ?? []).map(lower),
  };
}

/** Bahasa Indonesia first, English when the page is in English (like the shell's L["id", "en"]). */
export type Text = (id: string, en: string) => string;

export const textFor = (language: string): Text => language === 'en' ? (_id, en) => en : (id) => id;

/** Guids compare without dashes in element ids and storage keys, like .NET's "N" format. */
export const n = (guid: string): string => guid.replace(/-/g, '').toLowerCase();
