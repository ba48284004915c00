/** What every pane container is given by its slot: the room inside the frame, the clock tick, the charset. */
export interface PaneArea {
  width: number;
  height: number;
  now: number;
  ascii: boolean;
}
