/** What every pane container is given by its slot: the room inside the frame and the charset. */
export interface PaneArea {
  width: number;
  height: number;
  ascii: boolean;
}
