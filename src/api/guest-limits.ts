import type { FastifyInstance } from 'fastify';
import { ApiError } from '../domain/errors.js';
import type { GuestPolicy } from '../services/guest-policy.js';
import { assertStudioWrite } from './studio-session.js';

const notForGuests = (what: string): ApiError =>
  new ApiError(403, `${what} Sign in with an API key to do this.`, { code: 'guest_not_allowed', headers: { 'x-should-retry': 'false' } });

/**
 * Guest sessions may make and remix short videos, a few an hour, and delete their own; other writes need a key.
 * Checked before the route runs, once the JSON body is read.
 */
export function installGuestLimits(app: FastifyInstance, policy: GuestPolicy): void {
  app.addHook('preHandler', async (request) => {
    const studio = request.studioSession;
    if (!studio?.session.guest || request.method !== 'POST' || !request.url.startsWith('/v1/')) return;
    assertStudioWrite(request, studio);
    const route = request.routeOptions.url;
    if (route === '/v1/videos') {
      if (request.isMultipart()) throw notForGuests('Guests cannot upload images.');
      policy.checkLength(request.body);
    } else if (route !== '/v1/videos/:video_id/remix') {
      throw notForGuests('Guests can make and remix videos only.');
    }
    await policy.checkQuota(studio.session.key.id);
  });
}
