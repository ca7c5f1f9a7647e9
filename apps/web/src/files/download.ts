import { currentAccessToken } from '../auth/refresh';

/**
 * Fetches a file of the API as a blob URL. The token is sent along when there is one (files of a
 * review need it); a published practice's Word export needs no sign-in, and an author also gets
 * their own draft.
 */
async function authorizedBlob(path: string): Promise<{ url: string; fileName: string | null }> {
  const token = await currentAccessToken();
  const response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new Error(`${response.status}`);
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  return { url: URL.createObjectURL(await response.blob()), fileName: match ? decodeURIComponent(match[1]) : null };
}

/** Saves the file under its server-given name. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const { url, fileName } = await authorizedBlob(path);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName ?? fallbackName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Opens the file in a new tab (PDFs and images show in the browser). The tab is opened first, inside the click, so no pop-up blocker stops it. */
export async function openFile(path: string): Promise<void> {
  const tab = window.open('', '_blank');
  const { url } = await authorizedBlob(path);
  if (tab) tab.location.href = url;
  else window.location.href = url;
}
