import { MAX_LIMIT, MAX_PAGE, STATUSES } from '../catalog/shows.params.ts';
import { COUNT_CAP } from '../catalog/shows.queries.ts';
import { SESSION_COOKIE } from '../desk/auth.middleware.ts';
import { EVENT_KINDS, TIERS } from '../status/status.rules.ts';

const problem = {
  description: 'Problem details (RFC 9457)',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};
const partialDate = { type: ['string', 'null'], description: "A date at its precision: '2021-06-30', '2021-06', '2021-Q3' or '2021'" };

/** OpenAPI 3.1 description of /api; a test checks it lists every /api route the app serves. */
export function openApiDocument(siteUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Next Season API',
      version: '1',
      description:
        'Renewal status, seasons and sourced updates of TV series. Public GETs may be read from any origin (CORS). Data from TVmaze is CC BY-SA 4.0, which the answers inherit; see /about for every source.',
      license: { name: 'CC BY-SA 4.0', identifier: 'CC-BY-SA-4.0' },
    },
    servers: [{ url: siteUrl }],
    paths: {
      '/api/shows': {
        get: {
          operationId: 'listShows',
          summary: 'List or search shows',
          parameters: [
            { name: 'q', in: 'query', schema: { type: 'string', maxLength: 200 }, description: 'Full-text search over titles and aliases' },
            { name: 'platform', in: 'query', schema: { type: 'string', pattern: '^[a-z0-9-]{1,60}$' } },
            { name: 'status', in: 'query', schema: { type: 'string', enum: STATUSES } },
            { name: 'country', in: 'query', schema: { type: 'string', pattern: '^[A-Za-z]{2}$' } },
            {
              name: 'genre',
              in: 'query',
              schema: { type: 'string', pattern: '^[A-Za-z][A-Za-z -]{0,39}$' },
              description: 'A genre such as Drama or Science-Fiction',
            },
            {
              name: 'year',
              in: 'query',
              schema: { type: 'integer', minimum: 1900, maximum: 2100 },
              description: 'Year of the first premiere',
            },
            { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: 20 } },
          ],
          responses: {
            200: {
              description: 'A page of shows',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['total', 'page', 'limit', 'fuzzy', 'totalCapped', 'items'],
                    properties: {
                      total: { type: 'integer', description: `Shows that match, counted up to ${COUNT_CAP}` },
                      page: { type: 'integer' },
                      limit: { type: 'integer' },
                      fuzzy: { type: 'boolean', description: 'Nothing matched q exactly: these are the closest spellings' },
                      totalCapped: { type: 'boolean', description: `More than ${COUNT_CAP} shows match: total is ${COUNT_CAP}` },
                      items: { type: 'array', items: { $ref: '#/components/schemas/ShowSummary' } },
                    },
                  },
                },
              },
            },
            400: problem,
          },
        },
      },
      '/api/shows/{slug}': {
        get: {
          operationId: 'getShow',
          summary: 'One show with its seasons, credits, ratings, status events and answer',
          parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' } }],
          responses: {
            200: { description: 'The show', content: { 'application/json': { schema: { $ref: '#/components/schemas/ShowDetail' } } } },
            400: problem,
            404: problem,
          },
        },
      },
      '/api/shows/{slug}/forecast': {
        get: {
          operationId: 'getShowForecast',
          summary: "The forecast for the show's next season, with its evidence and explanation",
          parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' } }],
          responses: {
            200: { description: 'The forecast', content: { 'application/json': { schema: { $ref: '#/components/schemas/Forecast' } } } },
            400: problem,
            404: problem,
          },
        },
      },
      '/api/shows/{slug}/comments': {
        get: {
          operationId: 'listShowComments',
          summary: 'Published reader comments on a show: threads with their replies. Never carries an email or IP address.',
          parameters: [
            { name: 'slug', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' } },
            {
              name: 'season',
              in: 'query',
              schema: { type: 'integer', minimum: 1, maximum: 999_999 },
              description: 'Only comments about this season',
            },
            { name: 'order', in: 'query', schema: { type: 'string', enum: ['oldest', 'newest'], default: 'oldest' } },
            {
              name: 'cpage',
              in: 'query',
              schema: { type: 'integer', minimum: 1, maximum: 10_000, default: 1 },
              description: '50 threads a page',
            },
          ],
          responses: {
            200: {
              description: 'Comments',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['show', 'total', 'threads', 'page', 'comments'],
                    properties: {
                      show: { type: 'string' },
                      total: { type: 'integer', description: 'Published comments, replies included' },
                      threads: { type: 'integer' },
                      page: { type: 'integer' },
                      comments: { type: 'array', items: { $ref: '#/components/schemas/Comment' } },
                    },
                  },
                },
              },
            },
            400: problem,
            404: problem,
          },
        },
      },
      '/api/follows': {
        post: {
          operationId: 'createWebhookFollow',
          summary: 'Register a webhook endpoint for alerts (renewed, cancelled, ended, final season, dated, re-dated, premieres, forecast)',
          description:
            'Alerts are POSTed as JSON signed in the Standard Webhooks form (webhook-id, webhook-timestamp, webhook-signature: HMAC-SHA256 under the secret returned here, once). ' +
            'A failed delivery is tried again after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h (±20%), then given up and the endpoint stopped; a 410 answer stops it at once. ' +
            'A retried delivery keeps its webhook-id: drop one you have seen. The URL must be http(s) and reach a public address.',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  additionalProperties: false,
                  required: ['url'],
                  properties: {
                    url: { type: 'string', format: 'uri', maxLength: 2000 },
                    shows: { type: 'array', items: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,99}$' }, maxItems: 500 },
                    platforms: { type: 'array', items: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,99}$' }, maxItems: 50 },
                    site: { type: 'boolean', description: 'Every show' },
                    threshold: {
                      type: 'number',
                      minimum: 0.05,
                      maximum: 0.99,
                      description: "Also alert when a followed show's chance of a next season within a year first reaches this",
                    },
                  },
                },
              },
            },
          },
          responses: {
            201: {
              description: 'The endpoint, its signing secret (shown this once) and the bearer token that manages it',
              content: {
                'application/json': {
                  schema: {
                    allOf: [
                      { $ref: '#/components/schemas/WebhookFollower' },
                      {
                        type: 'object',
                        required: ['secret', 'token'],
                        properties: { secret: { type: 'string' }, token: { type: 'string' } },
                      },
                    ],
                  },
                },
              },
            },
            400: problem,
            404: problem,
            429: problem,
          },
        },
      },
      '/api/follows/me': {
        get: {
          operationId: 'getWebhookFollow',
          summary: "The endpoint's state: active or stopped (and why), what it follows, alerts given up on, private feed URLs",
          security: [{ followerToken: [] }],
          responses: {
            200: {
              description: 'The endpoint',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/WebhookFollower' } } },
            },
            401: problem,
          },
        },
        delete: {
          operationId: 'deleteWebhookFollow',
          summary: 'Leave: the endpoint, its follows and its queued alerts are deleted',
          security: [{ followerToken: [] }],
          responses: { 204: { description: 'Deleted' }, 401: problem },
        },
      },
      '/api/follows/me/ping': {
        post: {
          operationId: 'pingWebhookFollow',
          summary: 'Queue a signed test alert (type show.ping) to the endpoint',
          security: [{ followerToken: [] }],
          responses: {
            202: {
              description: 'Queued',
              content: {
                'application/json': {
                  schema: { type: 'object', required: ['queued'], properties: { queued: { type: 'boolean', const: true } } },
                },
              },
            },
            401: problem,
            409: problem,
            429: problem,
          },
        },
      },
      '/api/follows/me/enable': {
        post: {
          operationId: 'enableWebhookFollow',
          summary: 'Start a stopped endpoint again once it is fixed',
          security: [{ followerToken: [] }],
          responses: {
            200: {
              description: 'The endpoint',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/WebhookFollower' } } },
            },
            401: problem,
          },
        },
      },
      '/api/shows/{slug}/events': {
        get: {
          operationId: 'listShowEvents',
          summary: "The show's status events, newest first, with their sources and tiers (retracted ones flagged)",
          parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' } }],
          responses: {
            200: {
              description: 'Events',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['slug', 'status', 'items'],
                    properties: {
                      slug: { type: 'string' },
                      status: { type: 'string', enum: STATUSES },
                      items: { type: 'array', items: { $ref: '#/components/schemas/Event' } },
                    },
                  },
                },
              },
            },
            400: problem,
            404: problem,
          },
        },
      },
      '/api/openapi.json': {
        get: {
          operationId: 'openApi',
          summary: 'This document',
          responses: {
            200: {
              description: 'OpenAPI 3.1 document',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['openapi', 'info', 'paths'],
                    properties: {
                      openapi: { const: '3.1.0' },
                      info: { type: 'object' },
                      servers: { type: 'array' },
                      paths: { type: 'object' },
                      components: { type: 'object' },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
    components: {
      securitySchemes: {
        followerToken: { type: 'http', scheme: 'bearer', description: 'The token POST /api/follows returned' },
        deskSession: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description:
            'The session of an editor, moderator or admin signed in at /admin/login. It is for the desk (/admin), whose HTML pages and forms this document does not list; no /api operation needs it.',
        },
      },
      schemas: {
        WebhookFollower: {
          type: 'object',
          required: ['id', 'url', 'status', 'follows', 'feeds'],
          properties: {
            id: { type: 'integer' },
            url: { type: 'string' },
            status: { type: 'string', enum: ['active', 'disabled'] },
            disabledReason: { type: ['string', 'null'] },
            deadLetters: { type: 'object', properties: { count: { type: 'integer' }, lastError: { type: ['string', 'null'] } } },
            follows: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  target: { type: 'string' },
                  name: { type: 'string' },
                  show: { type: ['string', 'null'] },
                  threshold: { type: ['number', 'null'] },
                },
              },
            },
            feeds: {
              type: 'object',
              additionalProperties: { type: 'string', format: 'uri' },
              description: 'Private RSS, Atom, JSON Feed and iCalendar of what the endpoint follows',
            },
          },
        },
        Comment: {
          type: 'object',
          required: [
            'id',
            'name',
            'website',
            'html',
            'spoiler',
            'season',
            'parentId',
            'replyingTo',
            'createdAt',
            'editedAt',
            'removed',
            'replies',
          ],
          properties: {
            id: { type: 'integer' },
            name: { type: 'string' },
            website: { type: ['string', 'null'], format: 'uri' },
            html: { type: 'string', description: 'The comment as sanitised HTML; links carry rel="nofollow ugc"' },
            spoiler: { type: 'boolean', description: 'Show behind a click' },
            season: { type: ['integer', 'null'] },
            parentId: { type: ['integer', 'null'] },
            replyingTo: { type: ['string', 'null'], description: 'Name of the reply’s parent when it is itself a reply' },
            createdAt: { type: 'string', format: 'date-time' },
            editedAt: { type: ['string', 'null'], format: 'date-time', description: 'Set when a moderator edited it' },
            removed: {
              enum: [false, 'removed', 'under review'],
              description:
                'false, or why a first comment is not shown (taken down, or held after reports); it is kept, empty, so its replies still read in order',
            },
            replies: { type: 'array', items: { $ref: '#/components/schemas/Comment' } },
          },
        },
        Event: {
          type: 'object',
          required: ['id', 'kind', 'season', 'effective', 'announced', 'tier', 'retracted', 'quote', 'notes', 'source'],
          properties: {
            id: { type: 'integer' },
            kind: { type: 'string', enum: EVENT_KINDS },
            season: { type: ['integer', 'null'] },
            effective: { ...partialDate, type: 'string' },
            announced: partialDate,
            tier: { type: 'string', enum: TIERS },
            retracted: { type: 'boolean' },
            quote: { type: ['string', 'null'] },
            notes: { type: ['string', 'null'] },
            source: {
              type: ['object', 'null'],
              required: ['url', 'outlet', 'title'],
              properties: { url: { type: ['string', 'null'] }, outlet: { type: 'string' }, title: { type: ['string', 'null'] } },
            },
          },
        },
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            instance: { type: 'string' },
            errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
          },
        },
        ShowSummary: {
          type: 'object',
          required: ['slug', 'title', 'status', 'url'],
          properties: {
            slug: { type: 'string' },
            title: { type: 'string' },
            originalTitle: { type: ['string', 'null'] },
            aliases: { type: 'array', items: { type: 'string' } },
            type: { type: 'string' },
            country: { type: ['string', 'null'] },
            language: { type: ['string', 'null'] },
            platform: { type: ['object', 'null'], properties: { slug: { type: 'string' }, name: { type: 'string' } } },
            genres: { type: 'array', items: { type: 'string' } },
            premiered: { type: ['string', 'null'], format: 'date' },
            ended: { type: ['string', 'null'], format: 'date' },
            status: { type: 'string', enum: STATUSES },
            synopsis: { type: ['string', 'null'] },
            basis: { type: ['string', 'null'] },
            officialSite: { type: ['string', 'null'] },
            externalIds: { type: 'object' },
            verifiedOn: { type: ['string', 'null'], format: 'date' },
            updatedAt: { type: 'string', format: 'date-time' },
            url: { type: 'string', format: 'uri' },
          },
        },
        Forecast: {
          type: 'object',
          required: ['slug', 'asOf', 'nextSeason', 'basis', 'pNext', 'pWithin365', 'pWithin730', 'quantiles'],
          properties: {
            slug: { type: 'string' },
            asOf: { type: 'string', format: 'date' },
            latestSeason: { type: ['integer', 'null'] },
            nextSeason: { type: 'integer' },
            basis: {
              type: 'string',
              enum: ['waiting', 'renewed', 'dated', 'ended', 'no_season', 'missing_date'],
              description: 'missing_date: a later season is out without a premiere date, so the probabilities are null',
            },
            pNext: { type: ['number', 'null'], minimum: 0, maximum: 1, description: 'P(the next season premieres within six years)' },
            pWithin365: { type: ['number', 'null'], minimum: 0, maximum: 1 },
            pWithin730: { type: ['number', 'null'], minimum: 0, maximum: 1 },
            quantiles: {
              type: ['object', 'null'],
              description: 'Premiere date quantiles given that it premieres; null when pNext < 0.05',
              properties: {
                p10: { type: 'string' },
                p25: { type: 'string' },
                p50: { type: 'string' },
                p75: { type: 'string' },
                p90: { type: 'string' },
              },
            },
            decisionClock: {
              type: ['object', 'null'],
              properties: {
                within30: { type: 'number' },
                within90: { type: 'number' },
                within180: { type: 'number' },
                decisions: { type: 'integer' },
              },
            },
            episodes: {
              type: ['object', 'null'],
              description: "How the next season's episode count compares with the latest's, in shows like it",
              required: ['last', 'same', 'fewer', 'more', 'pairs', 'from', 'fromKind'],
              properties: {
                last: { type: 'integer', description: "The latest season's episodes" },
                same: { type: 'number' },
                fewer: { type: 'number' },
                more: { type: 'number' },
                pairs: { type: 'integer', description: 'Consecutive-season pairs the shares come from' },
                from: { type: 'string' },
                fromKind: { type: 'string', enum: ['streaming', 'cable', 'broadcast', 'unknown'] },
              },
            },
            evidence: {
              type: 'object',
              properties: {
                cohort: {
                  type: ['object', 'null'],
                  description: 'Shows like this one at the same point: how many got their next season, and how long it took',
                  required: ['label', 'group', 'name', 'shows', 'returned', 'waiting', 'medianWaitMonths'],
                  properties: {
                    label: { type: 'string' },
                    group: { type: 'string', enum: ['platform', 'kind', 'all'] },
                    name: { type: 'string' },
                    shows: { type: 'integer' },
                    returned: { type: 'integer' },
                    waiting: { type: 'integer' },
                    medianWaitMonths: { type: ['number', 'null'] },
                  },
                },
                claim: {
                  type: ['object', 'null'],
                  description: '"The platform usually decides within three months", checked against its decisions',
                  required: ['platform', 'decisions', 'within90'],
                  properties: {
                    platform: { type: 'string' },
                    decisions: { type: 'integer' },
                    within90: { type: 'number', minimum: 0, maximum: 1 },
                  },
                },
              },
            },
            explanation: { type: 'array', items: { type: 'string' } },
            curve: { type: 'array', items: { type: 'object', properties: { date: { type: 'string' }, p: { type: 'number' } } } },
          },
        },
        ShowDetail: {
          allOf: [
            { $ref: '#/components/schemas/ShowSummary' },
            {
              type: 'object',
              properties: {
                answer: {
                  type: 'object',
                  properties: {
                    nextSeason: { type: 'integer' },
                    latestSeason: { type: ['integer', 'null'] },
                    verdict: { type: 'string' },
                    will: { type: 'string' },
                    when: { type: 'string' },
                    nextPremiere: partialDate,
                    nextIsFinal: { type: 'boolean' },
                  },
                },
                seasons: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      number: { type: 'integer' },
                      premiere: partialDate,
                      finale: partialDate,
                      episodeCount: { type: ['integer', 'null'] },
                      episodeCountKind: { type: ['string', 'null'], enum: ['announced', 'counted', null] },
                      releaseStyle: { type: ['string', 'null'], enum: ['all_at_once', 'weekly', 'in_parts', null] },
                    },
                  },
                },
                credits: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['role', 'name', 'person', 'character'],
                    properties: {
                      role: { type: 'string' },
                      name: { type: 'string' },
                      person: { type: 'string', description: "The person's slug: /people/{person}" },
                      character: { type: ['string', 'null'] },
                    },
                  },
                },
                ratings: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['source', 'season', 'value', 'scale', 'votes', 'asOf', 'cite'],
                    properties: {
                      source: { type: 'string' },
                      season: { type: ['integer', 'null'], description: 'null: the whole show' },
                      value: { type: 'number' },
                      scale: { type: 'number', description: 'The best value on this rating’s scale' },
                      votes: { type: ['integer', 'null'] },
                      asOf: partialDate,
                      cite: {
                        type: ['object', 'null'],
                        required: ['url', 'outlet'],
                        properties: { url: { type: ['string', 'null'] }, outlet: { type: 'string' } },
                      },
                    },
                  },
                },
                events: { type: 'array', items: { $ref: '#/components/schemas/Event' } },
                similar: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['slug', 'title', 'reason'],
                    properties: { slug: { type: 'string' }, title: { type: 'string' }, reason: { type: 'string' } },
                  },
                },
              },
            },
          ],
        },
      },
    },
  };
}
