// A line of the timeline in full: its time, absolute and from T+0, and the whole text.
import type { TimelineEntry } from '../../domain/timeline.js';
import type { DetailContent } from './content.js';
import { when } from './when.js';

export function timelineDetail(e: TimelineEntry, t0: number | undefined): DetailContent {
  return {
    title: `Timeline · ${when(e.at, t0)}`,
    blocks: [
      { kind: 'field', label: 'at', value: when(e.at, t0) },
      { kind: 'field', label: 'what', value: e.text, tone: e.tone },
    ],
  };
}
