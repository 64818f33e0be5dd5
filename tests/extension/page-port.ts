import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Background, PortLike } from '../../extension/entrypoints/background/router.ts';
import { PAGE_PORT, type SenderLike, type TabState } from '../../extension/utils/messages.ts';

/**
 * A runtime.Port as the background sees it (what a content script posts, and its closing): the
 * browser's port is what tells the background which tab and frame a report comes from.
 */
export class FakePort implements PortLike {
  private readonly messageListeners: ((m: unknown) => void)[] = [];
  private readonly disconnectListeners: (() => void)[] = [];
  disconnected = false;
  readonly onMessage = { addListener: (cb: (m: unknown) => void) => void this.messageListeners.push(cb) };
  readonly onDisconnect = { addListener: (cb: () => void) => void this.disconnectListeners.push(cb) };
  constructor(
    readonly sender: SenderLike,
    readonly name = PAGE_PORT,
  ) {}
  /** The content script posts (structured clone, as the browser does). */
  post(message: unknown): void {
    for (const cb of this.messageListeners) cb(structuredClone(message));
  }
  /** The background disconnects it. */
  disconnect(): void {
    this.disconnected = true;
  }
  /** The content script's side goes away (navigation, crash, script gone). */
  close(): void {
    for (const cb of this.disconnectListeners) cb();
  }
}

export const contentScriptSender = (tabId: number, frameId = 0): SenderLike => ({ id: fakeBrowser.runtime.id, tab: { id: tabId }, url: 'https://example.no/ad', frameId });

/** Opens a content script's port, posts `message`, waits until the background handled it. */
export async function report(bg: Background, sender: SenderLike, message: unknown, port = new FakePort(sender)): Promise<FakePort> {
  bg.connect(port);
  port.post(message);
  await bg.idle();
  return port;
}

/** report(), then the tab's state (null when the report was refused). */
export async function reportState(bg: Background, sender: SenderLike & { tab: { id: number } }, message: unknown): Promise<TabState | null> {
  await report(bg, sender, message);
  return bg.tabs.get(sender.tab.id);
}
