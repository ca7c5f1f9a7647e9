import { currentAccessToken } from '../auth/refresh';

/**
 * Saves a file of the API under its server-given name. A published practice's Word export needs no
 * sign-in; the token is sent along when there is one, so an author also gets their own draft.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const token = await currentAccessToken();
  const response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new Error(`${response.status}`);
  const match = /filename\*=UTF-8''([^;]+)/i.exec(response.headers.get('content-disposition') ?? '');
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = match ? decodeURIComponent(match[1]) : fallbackName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
