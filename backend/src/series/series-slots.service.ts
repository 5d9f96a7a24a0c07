import { Injectable } from '@nestjs/common';
import type { PostView, SeriesSlotQuery, SeriesSlotView } from '@amtsplan/contracts';
import { seriesSlots } from '@amtsplan/domain';
import { RequestScope } from '../database/request-scope';
import { ProblemException } from '../http/problem.exception';
import { DEFAULT_CHECKLIST, PostsService } from '../posts/posts.service';
import { isSlotOf } from './series-slot-rules';
import { SeriesRepository } from './series.repository';
import { SeriesService } from './series.service';

/** The calendar looks at most this far in one request; a year ahead is the longest planning view. */
const MAX_WINDOW_MS = 400 * 24 * 60 * 60 * 1000;

const slotDate = new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric' });

/** Occurrences of series in a window, and filling one with a new post. */
@Injectable()
export class SeriesSlotsService {
  constructor(
    private readonly series: SeriesRepository,
    private readonly seriesService: SeriesService,
    private readonly posts: PostsService,
  ) {}

  async slots(query: SeriesSlotQuery): Promise<SeriesSlotView[]> {
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (to <= from || to.getTime() - from.getTime() > MAX_WINDOW_MS) {
      throw ProblemException.validation([{ path: 'to', message: 'Der Zeitraum muss nach dem Beginn enden und darf höchstens 400 Tage lang sein.' }]);
    }
    const all = await this.series.activeOrOne(query.seriesId);
    const filled = await this.series.filledSlots(all.map((s) => s.id), from, to);
    return all
      .flatMap((series) =>
        seriesSlots(series, { from, to }).map((at) => ({ seriesId: series.id, at: at.toISOString(), postId: filled.get(series.id)?.get(at.getTime()) ?? null })),
      )
      .sort((a, b) => a.at.localeCompare(b.at));
  }

  /** Creates the slot's post from the series' defaults; a slot is filled once (409 otherwise). */
  async fill(seriesId: string, atIso: string): Promise<PostView> {
    const series = await this.seriesService.find(seriesId);
    const at = new Date(atIso);
    if (!series.active) throw ProblemException.unprocessable('Diese Serie ist pausiert. Bitte zuerst wieder aktivieren.');
    if (!isSlotOf(series, at)) throw ProblemException.validation([{ path: 'at', message: 'Zu diesem Zeitpunkt hat die Serie keinen Termin.' }]);
    if ((await this.series.filledSlots([series.id], at, new Date(at.getTime() + 1))).get(series.id)?.size) {
      throw ProblemException.conflict('Dieser Termin der Serie ist schon mit einem Beitrag belegt.');
    }
    const labels = new Set(DEFAULT_CHECKLIST.map((item) => item.label));
    return this.posts.create(
      {
        workingTitle: `${series.name} – ${slotDate.format(at)}`,
        text: series.textSkeleton || series.hashtag,
        variants: series.channelIds.map((channelId) => ({ channelId, text: null })),
        planning: { kind: 'time', at: at.toISOString() },
        topicId: series.topicId,
        tags: series.hashtag ? [series.hashtag.replace(/^#/, '')] : [],
        responsibleUserId: RequestScope.organization().userId,
        checklist: [...DEFAULT_CHECKLIST, ...series.checklist.filter((item) => !labels.has(item.label)).map((item) => ({ ...item, done: false }))],
        seriesId: series.id,
        status: 'draft',
      },
      { seriesSlotAt: at },
    );
  }
}
