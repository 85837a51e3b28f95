import type { FastifyInstance } from 'fastify';
import type { AccessControl } from '../policy/access-control.js';
import type { EngineRegistry } from '../engines/registry.js';
import { authenticate } from './auth.js';

/** `GET /v1/models`, as OpenAI's SDK lists models, with each model's limits under Kinora's own field names. */
export function registerModelRoutes(app: FastifyInstance, deps: { engines: EngineRegistry; access: AccessControl }): void {
  app.get('/v1/models', async (request, reply) => {
    await authenticate(request, deps.access);
    const data = deps.engines.models().map((model) => ({
      id: model.id,
      object: 'model',
      created: 0,
      owned_by: 'kinora',
      description: model.description,
      sizes: model.sizes,
      max_seconds: model.maxSeconds,
      // The only lengths the model makes, when it makes only some; null: any whole second up to max_seconds.
      seconds: model.secondsChoices ?? null,
      features: { image_input: model.features.imageInput, image_required: model.features.imageRequired ?? false, video_input: model.features.videoInput ?? false, remix: model.features.remix, audio: model.features.audio },
    }));
    return reply.type('application/json; charset=utf-8').send({ object: 'list', data });
  });
}
