// Mention floods through the real bot: what lands in the channel is bounded by the per-user and
// per-channel limits, and the public "too fast" notice appears at most once per window.
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Harness, newUser, startBot } from "./bot-harness.ts";
import type { ChannelMessage } from "./fake-discord.ts";

const isNotice = (m: ChannelMessage) => String(m.payload.content ?? "").includes("操作太频繁");

describe("mention flooding", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startBot();
  });
  afterAll(async () => {
    await h.stop();
  });

  /** The bot's messages in the channel once it has gone quiet (nothing new for `quietMs`). */
  async function settled(channelId: string, atLeast: number, quietMs = 400): Promise<ChannelMessage[]> {
    const inChannel = () => h.fake.channelMessages.filter((m) => m.channelId === channelId);
    await expect.poll(() => inChannel().length, { timeout: 10_000 }).toBeGreaterThanOrEqual(atLeast);
    let count = -1;
    while (count !== inChannel().length) {
      count = inChannel().length;
      await sleep(quietMs);
    }
    return inChannel();
  }

  test("40 mentions from one user: 5 answers and one public notice, the rest dropped", async () => {
    const channelId = "1300000000000000041";
    const user = newUser();
    for (let n = 0; n < 40; n++) h.fake.sendMention("临淄GDP目标是多少", { user, channelId });
    const posted = await settled(channelId, 6);
    expect(posted.filter(isNotice)).toHaveLength(1);
    expect(posted).toHaveLength(6);
  });

  test("10 users × 5 mentions in one channel: no more than the channel limit, plus one notice", async () => {
    const channelId = "1300000000000000042";
    const users = Array.from({ length: 10 }, () => newUser());
    for (let round = 0; round < 5; round++) {
      for (const user of users) h.fake.sendMention("历城GDP目标是多少", { user, channelId });
    }
    const posted = await settled(channelId, 11);
    expect(posted.filter(isNotice)).toHaveLength(1);
    expect(posted.filter((m) => !isNotice(m))).toHaveLength(10);
    expect(h.fake.refused).toEqual([]);
  });
});
