import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessControl } from '../policy/access-control.js';
import { toArtistObject, type ArtistService } from '../services/artist-service.js';
import { authorize } from './auth.js';
import { listPage, sendJson } from './route-helpers.js';

/** The artist consent registry, for operators: every route needs the `admin` scope. */
export function registerArtistRoutes(app: FastifyInstance, deps: { artists: ArtistService; access: AccessControl }): void {
  const { artists, access } = deps;
  const admin = (request: FastifyRequest) => authorize(request, access, 'admin');
  const idParam = (request: FastifyRequest): string => (request.params as { artist_id: string }).artist_id;

  app.post('/v1/artists', async (request, reply) => {
    await admin(request);
    return sendJson(reply, toArtistObject(await artists.create(request.body)));
  });

  app.get('/v1/artists', async (request, reply) => {
    await admin(request);
    return sendJson(reply, listPage((await artists.list()).map(toArtistObject), false));
  });

  app.get('/v1/artists/:artist_id', async (request, reply) => {
    await admin(request);
    return sendJson(reply, toArtistObject(await artists.get(idParam(request))));
  });

  app.patch('/v1/artists/:artist_id', async (request, reply) => {
    await admin(request);
    return sendJson(reply, toArtistObject(await artists.update(idParam(request), request.body)));
  });

  app.delete('/v1/artists/:artist_id', async (request, reply) => {
    await admin(request);
    const id = idParam(request);
    await artists.remove(id);
    return sendJson(reply, { id, object: 'artist.deleted', deleted: true });
  });
}
