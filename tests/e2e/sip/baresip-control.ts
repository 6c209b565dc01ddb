import net from 'node:net';

/** An event baresip's ctrl_tcp module reported, stamped with when the rig received it. */
export interface BaresipEvent {
  type: string;
  /** Extra detail: the reason for CALL_CLOSED, the key for CALL_DTMF_START, … */
  param: string;
  /** The call it is about ('' for events of the registration). */
  callId: string;
  at: Date;
}

interface Response {
  ok: boolean;
  data: string;
}

/**
 * A connection to baresip's ctrl_tcp module: JSON messages framed as netstrings
 * (`LENGTH:JSON,`). Commands carry a token that their response echoes; events arrive unasked.
 */
export interface BaresipControl {
  /** Run a baresip command (those of its menu module: hangup, reginfo, uadel, uanew, …). */
  command(name: string, params?: string): Promise<string>;
  close(): void;
}

export async function connectControl(
  host: string,
  port: number,
  onEvent: (event: BaresipEvent) => void,
): Promise<BaresipControl> {
  const socket = net.connect({ host, port });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });

  const pending = new Map<string, (response: Response) => void>();
  let nextToken = 1;
  let buffer = Buffer.alloc(0);

  const handle = (message: Record<string, unknown>): void => {
    if (message.event === true) {
      onEvent({
        type: typeof message.type === 'string' ? message.type : '',
        param: typeof message.param === 'string' ? message.param : '',
        callId: typeof message.id === 'string' ? message.id : '',
        at: new Date(),
      });
    } else if (message.response === true && typeof message.token === 'string') {
      pending.get(message.token)?.({
        ok: message.ok === true,
        data: typeof message.data === 'string' ? message.data : '',
      });
      pending.delete(message.token);
    }
  };

  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const colon = buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(buffer.subarray(0, colon).toString());
      const end = colon + 1 + length;
      if (buffer.length <= end) return;
      handle(JSON.parse(buffer.subarray(colon + 1, end).toString()) as Record<string, unknown>);
      buffer = buffer.subarray(end + 1);
    }
  });
  socket.on('error', () => {
    // baresip went away; commands in flight time out below.
  });

  return {
    command(name, params = '') {
      const token = String(nextToken++);
      const payload = Buffer.from(JSON.stringify({ command: name, params, token }));
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(token);
          reject(new Error(`baresip did not answer the command ${name}`));
        }, 5000);
        pending.set(token, (response) => {
          clearTimeout(timer);
          if (response.ok) resolve(response.data);
          else reject(new Error(`baresip refused ${name}: ${response.data}`));
        });
        socket.write(Buffer.concat([Buffer.from(`${payload.length}:`), payload, Buffer.from(',')]));
      });
    },
    close: () => socket.destroy(),
  };
}
