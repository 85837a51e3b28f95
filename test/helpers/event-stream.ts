import { expect } from 'vitest';

export interface StreamedEvent<Data> {
  event: string;
  data: Data;
}

/** Every event of a Server-Sent Events stream that the server ends itself (after a video's final state), in order. */
export async function readEvents<Data = Record<string, unknown>>(url: string, headers: Record<string, string>): Promise<Array<StreamedEvent<Data>>> {
  const response = await fetch(url, { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('event:'))
    .map((block) => {
      const [eventLine, dataLine] = block.split('\n');
      return { event: eventLine!.slice('event: '.length), data: JSON.parse(dataLine!.slice('data: '.length)) as Data };
    });
}
