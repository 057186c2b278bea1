import { MAX_LIMIT, MAX_PAGE, STATUSES } from '../catalog/shows.params.ts';

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
            { name: 'genre', in: 'query', schema: { type: 'string' }, description: 'A genre such as Drama or Science-Fiction' },
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
                    required: ['total', 'page', 'limit', 'items'],
                    properties: {
                      total: { type: 'integer' },
                      page: { type: 'integer' },
                      limit: { type: 'integer' },
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
            { name: 'season', in: 'query', schema: { type: 'integer', minimum: 1 }, description: 'Only comments about this season' },
            { name: 'order', in: 'query', schema: { type: 'string', enum: ['oldest', 'newest'], default: 'oldest' } },
            { name: 'cpage', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 }, description: '50 threads a page' },
          ],
          responses: {
            200: {
              description: 'Comments',
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
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
          responses: { 202: { description: 'Queued' }, 401: problem, 409: problem },
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
                    properties: {
                      slug: { type: 'string' },
                      status: { type: 'string', enum: STATUSES },
                      items: {
                        type: 'array',
                        items: {
                          type: 'object',
                          properties: {
                            id: { type: 'integer' },
                            kind: { type: 'string' },
                            season: { type: ['integer', 'null'] },
                            effective: partialDate,
                            announced: partialDate,
                            tier: { type: 'string', enum: ['official', 'trade', 'report', 'rumour'] },
                            retracted: { type: 'boolean' },
                            quote: { type: ['string', 'null'] },
                            notes: { type: ['string', 'null'] },
                            source: { type: ['object', 'null'] },
                          },
                        },
                      },
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
        get: { operationId: 'openApi', summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1 document' } } },
      },
    },
    components: {
      securitySchemes: {
        followerToken: { type: 'http', scheme: 'bearer', description: 'The token POST /api/follows returned' },
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
              type: 'boolean',
              description: 'A first comment a moderator took down, kept (empty) so its replies still read in order',
            },
            replies: { type: 'array', items: { $ref: '#/components/schemas/Comment' } },
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
            episodes: { type: ['object', 'null'] },
            evidence: { type: 'object' },
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
                credits: { type: 'array', items: { type: 'object' } },
                ratings: { type: 'array', items: { type: 'object' } },
                events: { type: 'array', items: { type: 'object' } },
                similar: { type: 'array', items: { type: 'object' } },
              },
            },
          ],
        },
      },
    },
  };
}
