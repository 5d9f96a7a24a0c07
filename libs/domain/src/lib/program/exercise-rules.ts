import { addCalendarDays } from '../calendar-date';
import type { PostStatus } from '../post-status';
import type { ProgramSnapshot } from './program-snapshot';

/**
 * Action exercises of the learning program tick themselves off when a rule over the authority's
 * real data holds. Each rule is a pure function of a snapshot and the exercise's parameters, so
 * the browser's side panel and the server's record agree. A result says how far along the
 * authority is ("5 von 8 Beiträgen geplant") and, in German, what is still missing.
 */
export interface ExerciseCheck {
  readonly holds: boolean;
  /** Progress of the main count, for a progress bar: `done` never exceeds `target`. */
  readonly done: number;
  readonly target: number;
  readonly summary: string;
  /** One line per criterion that does not hold yet; empty when `holds`. */
  readonly missing: readonly string[];
}

type Params = Readonly<Record<string, number>>;

export interface ExerciseRule {
  /** The numeric parameters an exercise must give, e.g. `posts`, `days`. */
  readonly params: readonly string[];
  /** What the rule checks, for facilitators and the curriculum's documentation. */
  readonly description: string;
  check(snapshot: ProgramSnapshot, params: Params): ExerciseCheck;
}

/** Planned content: what someone has decided to publish; ideas and archived posts are not. */
const PLANNED_STATUSES: ReadonlySet<PostStatus> = new Set(['draft', 'in_approval', 'changes_requested', 'approved', 'scheduled', 'published']);
const DAY_MS = 86_400_000;

function result(criteria: readonly { done: number; target: number; missing: string }[], summary: string): ExerciseCheck {
  const [main] = criteria;
  const missing = criteria.filter((c) => c.done < c.target).map((c) => c.missing);
  return { holds: missing.length === 0, done: Math.min(main?.done ?? 0, main?.target ?? 0), target: main?.target ?? 0, summary, missing };
}

/** "1 Beitrag", "3 Beiträge": German needs the noun's own plural. */
function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

const postsPlannedAhead: ExerciseRule = {
  params: ['posts', 'days', 'topics'],
  description: 'Mindestens `posts` Beiträge in den nächsten `days` Tagen geplant, über mindestens `topics` Themen verteilt.',
  check(snapshot, { posts = 0, days = 0, topics = 0 }) {
    const from = Date.parse(snapshot.now);
    const until = from + days * DAY_MS;
    const lastDay = addCalendarDays(snapshot.today, days);
    const planned = snapshot.posts.filter((post) => {
      if (!PLANNED_STATUSES.has(post.status)) return false;
      if (post.plannedAt !== null) {
        const at = Date.parse(post.plannedAt);
        return at >= from && at < until;
      }
      return post.plannedDate !== null && post.plannedDate >= snapshot.today && post.plannedDate < lastDay;
    });
    const usedTopics = new Set(planned.flatMap((post) => (post.topicId ? [post.topicId] : []))).size;
    return result(
      [
        { done: planned.length, target: posts, missing: `Noch ${count(posts - planned.length, 'Beitrag', 'Beiträge')} in den nächsten ${days} Tagen planen.` },
        { done: usedTopics, target: topics, missing: `Beiträge zu ${count(topics, 'Thema', 'Themen')} planen (bisher ${usedTopics}).` },
      ],
      `${Math.min(planned.length, posts)} von ${count(posts, 'Beitrag', 'Beiträgen')} geplant, ${count(usedTopics, 'Thema', 'Themen')}`,
    );
  },
};

const topicsDefined: ExerciseRule = {
  params: ['topics'],
  description: 'Mindestens `topics` eigene Themen mit Farbe angelegt.',
  check(snapshot, { topics = 0 }) {
    const done = snapshot.topics.length;
    return result([{ done, target: topics, missing: `Noch ${count(topics - done, 'Thema', 'Themen')} anlegen (Einstellungen → Themen).` }], `${Math.min(done, topics)} von ${count(topics, 'Thema', 'Themen')} angelegt`);
  },
};

const channelsActive: ExerciseRule = {
  params: ['channels'],
  description: 'Mindestens `channels` aktive Kanäle eingerichtet.',
  check(snapshot, { channels = 0 }) {
    const done = snapshot.channels.filter((channel) => channel.active).length;
    return result([{ done, target: channels, missing: `Noch ${count(channels - done, 'aktiven Kanal', 'aktive Kanäle')} einrichten (Einstellungen → Kanäle).` }], `${Math.min(done, channels)} von ${count(channels, 'Kanal', 'Kanälen')} eingerichtet`);
  },
};

const seriesWithFilledSlots: ExerciseRule = {
  params: ['slots'],
  description: 'Eine Serie mit Wiederholungsregel, in der mindestens `slots` Termine mit Beiträgen gefüllt sind.',
  check(snapshot, { slots = 0 }) {
    const recurring = snapshot.series.filter((series) => series.hasRecurrence);
    const best = Math.max(0, ...recurring.map((series) => series.filledSlots));
    return result(
      [
        { done: recurring.length > 0 ? best : 0, target: slots, missing: recurring.length === 0 ? 'Eine Serie mit Wiederholungsregel anlegen (Einstellungen → Serien).' : `Noch ${count(slots - best, 'Termin', 'Termine')} der Serie mit einem Beitrag füllen.` },
      ],
      `${Math.min(best, slots)} von ${count(slots, 'Serientermin', 'Serienterminen')} gefüllt`,
    );
  },
};

const approvalRouteUsed: ExerciseRule = {
  params: ['steps'],
  description: 'Eine Freigaberoute mit mindestens `steps` Stufen existiert, und ein Beitrag ist durch eine solche Route gegangen.',
  check(snapshot, { steps = 0 }) {
    const exists = snapshot.approvalRoutes.some((route) => route.stepCount >= steps);
    const used = snapshot.approvalRequests.some((request) => request.stepCount >= steps);
    const missing = exists
      ? `Einen Beitrag über eine Route mit ${steps} Stufen zur Freigabe einreichen.`
      : `Eine Freigaberoute mit mindestens ${steps} Stufen anlegen (Einstellungen → Freigaberouten) und einen Beitrag darüber einreichen.`;
    return result(
      [{ done: Number(exists) + Number(used), target: 2, missing }],
      `${exists ? 'Route' : 'Keine Route'} mit ${steps} Stufen, ${used ? 'genutzt' : 'noch nicht genutzt'}`,
    );
  },
};

const textBlocksApproved: ExerciseRule = {
  params: ['blocks', 'categories'],
  description: 'Mindestens `blocks` freigegebene Textbausteine aus mindestens `categories` Kategorien.',
  check(snapshot, { blocks = 0, categories = 0 }) {
    const approved = snapshot.textBlocks.filter((block) => block.approved);
    const used = new Set(approved.map((block) => block.category)).size;
    return result(
      [
        { done: approved.length, target: blocks, missing: `Noch ${count(blocks - approved.length, 'Textbaustein', 'Textbausteine')} freigeben lassen.` },
        { done: used, target: categories, missing: `Freigegebene Textbausteine aus ${count(categories, 'Kategorie', 'Kategorien')} (bisher ${used}).` },
      ],
      `${Math.min(approved.length, blocks)} von ${count(blocks, 'Textbaustein', 'Textbausteinen')} freigegeben, ${count(used, 'Kategorie', 'Kategorien')}`,
    );
  },
};

const inboxRepliesFromTextBlocks: ExerciseRule = {
  params: ['replies'],
  description: 'Mindestens `replies` Antworten im Posteingang, die mit einem Textbaustein begonnen wurden.',
  check(snapshot, { replies = 0 }) {
    const done = snapshot.inboxReplies.filter((reply) => reply.fromTextBlock).length;
    return result([{ done, target: replies, missing: `Noch ${count(replies - done, 'Antwort', 'Antworten')} mit einem Textbaustein geben (Community → Posteingang).` }], `${Math.min(done, replies)} von ${count(replies, 'Antwort', 'Antworten')} mit Textbaustein`);
  },
};

const contributorsInvited: ExerciseRule = {
  params: ['colleagues'],
  description: 'Mindestens `colleagues` Kolleg*innen als Fachbereich eingeladen oder Mitglied.',
  check(snapshot, { colleagues = 0 }) {
    const done = snapshot.people.filter((person) => person.role === 'contributor').length;
    return result([{ done, target: colleagues, missing: `Noch ${count(colleagues - done, 'Person', 'Personen')} aus Fachbereichen einladen (Einstellungen → Mitglieder, Rolle „Fachbereich“).` }], `${Math.min(done, colleagues)} von ${count(colleagues, 'Person', 'Personen')} aus Fachbereichen eingeladen`);
  },
};

const playbookApproved: ExerciseRule = {
  params: ['contacts'],
  description: 'Ein freigegebenes Shitstorm-Playbook mit mindestens `contacts` Kontakten in der Alarmliste.',
  check(snapshot, { contacts = 0 }) {
    const approved = snapshot.playbooks.filter((playbook) => playbook.approved);
    const best = Math.max(0, ...approved.map((playbook) => playbook.contactCount));
    const done = Number(approved.length > 0) + Number(best >= contacts);
    return result(
      [{ done, target: 2, missing: approved.length === 0 ? 'Ein Playbook anlegen und von der Leitung freigeben lassen (Krisen-Playbooks).' : `Die Kontaktliste des Playbooks auf ${contacts} Einträge bringen (bisher ${best}).` }],
      approved.length === 0 ? 'Noch kein freigegebenes Playbook' : `Playbook freigegeben, ${count(best, 'Kontakt', 'Kontakte')}`,
    );
  },
};

const drillsReviewed: ExerciseRule = {
  params: ['drills'],
  description: 'Mindestens `drills` Krisenübungen durchgeführt und nachbesprochen.',
  check(snapshot, { drills = 0 }) {
    const done = snapshot.drills.filter((drill) => drill.reviewed).length;
    return result([{ done, target: drills, missing: `Noch ${count(drills - done, 'Übung', 'Übungen')} durchführen und nachbesprechen (Krisen-Playbooks → Übung).` }], `${Math.min(done, drills)} von ${count(drills, 'Übung', 'Übungen')} nachbesprochen`);
  },
};

const postsPublished: ExerciseRule = {
  params: ['posts', 'days'],
  description: 'Mindestens `posts` Beiträge in den letzten `days` Tagen veröffentlicht.',
  check(snapshot, { posts = 0, days = 0 }) {
    const now = Date.parse(snapshot.now);
    const done = snapshot.posts.filter((post) => post.status === 'published' && post.publishedAt !== null && now - Date.parse(post.publishedAt) <= days * DAY_MS).length;
    return result([{ done, target: posts, missing: `Noch ${count(posts - done, 'Beitrag', 'Beiträge')} veröffentlichen.` }], `${Math.min(done, posts)} von ${count(posts, 'Beitrag', 'Beiträgen')} in ${days} Tagen veröffentlicht`);
  },
};

export const EXERCISE_RULES = {
  'posts-planned-ahead': postsPlannedAhead,
  'topics-defined': topicsDefined,
  'channels-active': channelsActive,
  'series-with-filled-slots': seriesWithFilledSlots,
  'approval-route-used': approvalRouteUsed,
  'text-blocks-approved': textBlocksApproved,
  'inbox-replies-from-text-blocks': inboxRepliesFromTextBlocks,
  'contributors-invited': contributorsInvited,
  'playbook-approved': playbookApproved,
  'drills-reviewed': drillsReviewed,
  'posts-published': postsPublished,
} as const satisfies Record<string, ExerciseRule>;

export type ExerciseRuleId = keyof typeof EXERCISE_RULES;

export function isExerciseRuleId(value: string): value is ExerciseRuleId {
  return Object.prototype.hasOwnProperty.call(EXERCISE_RULES, value);
}

/** Runs an action exercise's rule; an unknown rule is a content error caught by validateCurriculum. */
export function checkExercise(rule: ExerciseRuleId, params: Params, snapshot: ProgramSnapshot): ExerciseCheck {
  return EXERCISE_RULES[rule].check(snapshot, params);
}
