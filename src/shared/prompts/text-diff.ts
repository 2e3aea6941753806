// The shape of a diff between two version bodies, as the API answers it and the diff view draws it.

export type DiffPart = { value: string; added?: boolean; removed?: boolean };
export type DiffLine =
  | { kind: "same"; text: string; oldNumber: number; newNumber: number }
  | { kind: "removed"; text: string; oldNumber: number; parts?: DiffPart[] }
  | { kind: "added"; text: string; newNumber: number; parts?: DiffPart[] };

export type TextDiff = { lines: DiffLine[]; added: number; removed: number; unchanged: number };
