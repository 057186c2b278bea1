import type { Generated } from 'kysely';

// Row types for every table. Dates are 'YYYY-MM-DD' strings, instants ISO-8601 UTC strings, on both engines.

export type Precision = 'day' | 'month' | 'quarter' | 'year' | 'unknown';

export interface PlatformsTable {
  id: Generated<number>;
  slug: string;
  name: string;
  kind: string; // streaming | broadcast | cable
  country: string | null;
}

export interface SourcesTable {
  id: Generated<number>;
  url: string | null;
  outlet: string;
  title: string | null;
  published_on: string | null;
  retrieved_on: string | null;
  created_at: string;
}

export interface ShowsTable {
  id: Generated<number>;
  slug: string;
  title: string;
  original_title: string | null;
  type: string;
  origin_country: string | null;
  original_language: string | null;
  platform_id: number | null;
  premiered: string | null;
  ended: string | null;
  synopsis: string | null;
  basis: string | null;
  official_site: string | null;
  imdb_id: string | null;
  tvmaze_id: number | null;
  thetvdb_id: number | null;
  netflix_id: string | null;
  derived_status: string;
  verified_on: string | null;
  search_text: string;
  added_to_netflix: Generated<string | null>;
  popularity: Generated<number | null>;
  created_at: string;
  updated_at: string;
}

export interface ShowAliasesTable {
  show_id: number;
  alias: string;
}

/** A normalised title a show is known by (lang/text.rules.ts titleKeys), for matching imports. */
export interface ShowTitleKeysTable {
  title_key: string;
  show_id: number;
}

export interface ShowGenresTable {
  show_id: number;
  genre: string;
}

export interface SeasonsTable {
  id: Generated<number>;
  show_id: number;
  number: number;
  premiere_date: string | null;
  premiere_precision: Precision;
  finale_date: string | null;
  finale_precision: Precision;
  episode_count: number | null;
  episode_count_kind: string | null; // announced | counted
  release_style: string | null; // all_at_once | weekly | in_parts
  source_id: number | null;
  mean_air_date: Generated<string | null>;
  /** Known to be out by this day (a Top 10 week, a report's period), when the premiere is not known. */
  out_by: Generated<string | null>;
  origin: Generated<string>;
}

export interface EpisodesTable {
  id: Generated<number>;
  show_id: number;
  season_id: number;
  number: number;
  title: string | null;
  airdate: string | null;
  airstamp: string | null;
  runtime_minutes: number | null;
  tvmaze_id: Generated<number | null>;
  origin: Generated<string>;
}

export interface PeopleTable {
  id: Generated<number>;
  slug: string;
  name: string;
  search_name: Generated<string>;
  imdb_id: string | null;
  tvmaze_id: number | null;
}

/** A slug a show had before its current one: its old links answer 301 (migration 018). */
export interface ShowSlugHistoryTable {
  slug: string;
  show_id: number;
  retired_at: string;
}

/** A slug a person had before their current one. */
export interface PersonSlugHistoryTable {
  slug: string;
  person_id: number;
  retired_at: string;
}

export interface CreditsTable {
  id: Generated<number>;
  show_id: number;
  person_id: number;
  role: string;
  character: string | null;
  billing_order: number;
  source_id: number | null;
  origin: Generated<string>;
}

export interface RatingsTable {
  id: Generated<number>;
  show_id: number;
  season_number: number | null;
  source: string; // imdb | tvmaze
  value: number;
  scale: number;
  votes: number | null;
  as_of_date: string;
  as_of_precision: Precision;
  source_id: number | null;
  vote_share: Generated<number | null>;
  origin: Generated<string>;
}

export interface StatusEventsTable {
  id: Generated<number>;
  show_id: number;
  season_number: number | null;
  kind: string;
  effective_date: string;
  effective_precision: Precision;
  announced_date: string | null;
  announced_precision: Precision | null;
  tier: string; // official | trade | report | rumour
  source_id: number | null;
  quote: string | null;
  notes: string | null;
  entered_by: string;
  created_at: string;
  retracted_at: string | null;
}

export interface ShowFactsTable {
  show_id: number;
  field: string;
  origin: string;
  imported_at: string;
}

export interface ShowSourcesTable {
  show_id: number;
  origin: string;
  version: number;
  imported_at: string;
}

export interface ImportRunsTable {
  id: Generated<number>;
  importer: string;
  input: string;
  started_at: string;
  finished_at: string | null;
  status: 'running' | 'done' | 'failed';
  inserted: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  skipped: Generated<number>;
}

export interface ImportProblemsTable {
  id: Generated<number>;
  run_id: number;
  location: string;
  field: string | null;
  reason: string;
}

export interface SyncStateTable {
  name: string;
  value: string;
  updated_at: string;
}

export type Role = 'admin' | 'editor' | 'moderator';

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  ip: string | null;
}

export interface LoginFailuresTable {
  id: Generated<number>;
  email: string;
  ip: string;
  at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  user_id: number | null;
  actor: string;
  action: string;
  entity: string;
  entity_id: number | null;
  before: string | null;
  after: string | null;
  at: string;
}

export interface FeedsTable {
  id: Generated<number>;
  url: string;
  name: string;
  tier: string;
  interval_minutes: Generated<number>;
  enabled: Generated<number>;
  etag: string | null;
  last_modified: string | null;
  last_fetched_at: string | null;
  last_result: string | null;
  created_at: string;
}

export interface FeedItemsTable {
  id: Generated<number>;
  feed_id: number;
  guid: string;
  url: string | null;
  title: string;
  summary: string | null;
  published_at: string | null;
  fetched_at: string;
}

export interface CandidatesTable {
  id: Generated<number>;
  feed_item_id: number;
  show_id: number;
  kind: string;
  season_number: number | null;
  announced_date: string | null;
  announced_precision: Precision | null;
  status: Generated<'pending' | 'accepted' | 'rejected'>;
  event_id: number | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

export interface SeasonTop10WeeksTable {
  id: Generated<number>;
  show_id: number;
  season_number: number;
  week: string;
  list: string;
  rank: number;
  hours: number;
  views: number | null;
  weeks_in_top10: number;
  public_on: string;
  origin: string;
}

export interface SeasonEngagementTable {
  id: Generated<number>;
  show_id: number;
  season_number: number;
  period: string;
  hours: number;
  views: number | null;
  available_globally: number;
  public_on: string;
  origin: string;
}

export interface CalendarEntriesTable {
  uid: string;
  day: string;
  sequence: Generated<number>;
  updated_at: string;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface JobRunsTable {
  name: string;
  /** The period it ran for: the day, for the daily job. */
  period: string;
  finished_at: string;
}

export interface Database {
  platforms: PlatformsTable;
  sources: SourcesTable;
  shows: ShowsTable;
  show_aliases: ShowAliasesTable;
  show_title_keys: ShowTitleKeysTable;
  show_genres: ShowGenresTable;
  seasons: SeasonsTable;
  episodes: EpisodesTable;
  people: PeopleTable;
  credits: CreditsTable;
  ratings: RatingsTable;
  status_events: StatusEventsTable;
  show_facts: ShowFactsTable;
  show_sources: ShowSourcesTable;
  import_runs: ImportRunsTable;
  import_problems: ImportProblemsTable;
  sync_state: SyncStateTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  audit_log: AuditLogTable;
  feeds: FeedsTable;
  feed_items: FeedItemsTable;
  candidates: CandidatesTable;
  calendar_entries: CalendarEntriesTable;
  season_top10_weeks: SeasonTop10WeeksTable;
  season_engagement: SeasonEngagementTable;
  schema_migrations: SchemaMigrationsTable;
  site_secrets: SiteSecretsTable;
  comments: CommentsTable;
  comment_reports: CommentReportsTable;
  comment_authors: CommentAuthorsTable;
  comment_bans: CommentBansTable;
  comment_subscriptions: CommentSubscriptionsTable;
  mail_outbox: MailOutboxTable;
  used_form_tokens: UsedFormTokensTable;
  followers: FollowersTable;
  follows: FollowsTable;
  follow_requests: FollowRequestsTable;
  alert_outbox: AlertOutboxTable;
  job_runs: JobRunsTable;
  show_slug_history: ShowSlugHistoryTable;
  person_slug_history: PersonSlugHistoryTable;
}

export interface UsedFormTokensTable {
  token: string;
  used_at: string;
}

export interface SiteSecretsTable {
  name: string;
  value: string;
}

export type CommentStatus = 'pending' | 'published' | 'hidden' | 'spam' | 'deleted';

export interface CommentsTable {
  id: Generated<number>;
  show_id: number;
  season_number: number | null;
  parent_id: number | null;
  root_id: number | null;
  author_name: string;
  author_email: string;
  email_key: string;
  author_url: string | null;
  body: string;
  body_hash: string;
  spoiler: Generated<number>;
  status: CommentStatus;
  status_reason: string | null;
  ip: string;
  ip_key: string;
  form_key: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  notified_at: string | null;
  edited_at: string | null;
  moderated_by: string | null;
  moderated_at: string | null;
}

export interface CommentReportsTable {
  id: Generated<number>;
  comment_id: number;
  reason: string;
  reporter: string;
  created_at: string;
  resolved_at: string | null;
}

export interface CommentAuthorsTable {
  email_key: string;
  name_key: string;
  approved_at: string;
  approved_by: string;
}

export interface CommentBansTable {
  id: Generated<number>;
  kind: 'email' | 'ip';
  value: string;
  reason: string | null;
  created_by: string;
  created_at: string;
  lifted_at: string | null;
}

export interface CommentSubscriptionsTable {
  id: Generated<number>;
  comment_id: number;
  status: 'unconfirmed' | 'confirmed' | 'unsubscribed';
  created_at: string;
  confirmation_sent_at: string | null;
  confirmed_at: string | null;
  unsubscribed_at: string | null;
}

export interface MailOutboxTable {
  id: Generated<number>;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  headers: string;
  created_at: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  sent_at: string | null;
  last_error: string | null;
}

export type FollowerStatus = 'unconfirmed' | 'active' | 'disabled' | 'left';

export interface FollowersTable {
  id: Generated<number>;
  channel: 'email' | 'webhook';
  email: string | null;
  email_key: string | null;
  url: string | null;
  secret: string | null;
  feed_key: string;
  status: FollowerStatus;
  digest: Generated<'immediate' | 'daily'>;
  ip_key: string;
  created_at: string;
  confirmed_at: string | null;
  disabled_at: string | null;
  disabled_reason: string | null;
  left_at: string | null;
}

export interface FollowsTable {
  id: Generated<number>;
  follower_id: number;
  target: string;
  show_id: number | null;
  platform_id: number | null;
  threshold: number | null;
  threshold_met: Generated<number>;
  created_at: string;
  confirmed_at: string | null;
}

export interface FollowRequestsTable {
  id: Generated<number>;
  email_key: string;
  ip_key: string;
  created_at: string;
}

export interface AlertOutboxTable {
  id: Generated<number>;
  follower_id: number;
  alert_key: string;
  kind: string;
  show_id: number | null;
  event_id: number | null;
  payload: string;
  created_at: string;
  due_at: string;
  attempts: Generated<number>;
  claimed_until: string | null;
  sent_at: string | null;
  dead_at: string | null;
  last_error: string | null;
}
