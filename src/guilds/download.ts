import { IsnadError } from '../errors.js';

/** Discord's attachment hosts: the only places an upload is fetched from. */
export const DISCORD_ATTACHMENT_HOSTS = ['cdn.discordapp.com', 'media.discordapp.net'];

/** How long /docs add waits for an attachment before giving up. */
export const DOWNLOAD_TIMEOUT_MS = 30_000;

export interface DownloadOptions {
  maxBytes: number;
  timeoutMs: number;
  /** Hosts (host[:port]) allowed; a redirect anywhere else is refused, not followed. */
  allowedHosts: string[];
  fetch?: typeof fetch;
}

const MAX_REDIRECTS = 3;

function allowed(url: URL, hosts: string[]): boolean {
  return (url.protocol === 'https:' || url.protocol === 'http:') && (hosts.includes(url.host) || hosts.includes(url.hostname));
}

/** Downloads an attachment with a byte and a time limit, following redirects only within `allowedHosts`. */
export async function downloadAttachment(address: string, options: DownloadOptions): Promise<Uint8Array> {
  const get = options.fetch ?? fetch;
  const signal = AbortSignal.timeout(options.timeoutMs);
  let url = new URL(address);
  try {
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      if (!allowed(url, options.allowedHosts)) {
        throw new IsnadError('DOWNLOAD_FAILED', `Refused to download from ${url.host}: only Discord's attachment hosts are used. Upload the file to Discord itself.`);
      }
      const response = await get(url, { redirect: 'manual', signal });
      if (response.status >= 300 && response.status < 400) {
        const location = response.headers.get('location');
        await response.body?.cancel();
        if (!location) break;
        url = new URL(location, url);
        continue;
      }
      if (!response.ok || !response.body) {
        await response.body?.cancel();
        throw new IsnadError('DOWNLOAD_FAILED', `Discord answered ${response.status} for the attachment; upload it again.`);
      }
      const declared = Number(response.headers.get('content-length') ?? NaN);
      if (declared > options.maxBytes) {
        await response.body.cancel();
        throw tooLarge(declared, options.maxBytes);
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength;
        if (size > options.maxBytes) throw tooLarge(size, options.maxBytes);
        chunks.push(chunk);
      }
      return Buffer.concat(chunks);
    }
  } catch (error) {
    if (error instanceof IsnadError) throw error;
    const why = signal.aborted ? `took longer than ${Math.round(options.timeoutMs / 1000)} s` : 'failed';
    throw new IsnadError('DOWNLOAD_FAILED', `Downloading the attachment ${why}; try again.`, {}, { cause: error });
  }
  throw new IsnadError('DOWNLOAD_FAILED', 'The attachment link redirected too many times; upload the file again.');
}

export function tooLarge(bytes: number, max: number): IsnadError {
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return new IsnadError('FILE_TOO_LARGE', `The file is ${mb(bytes)}; the limit is ${mb(max)} (MAX_FILE_BYTES). Split it or ask the host to raise the limit.`);
}
