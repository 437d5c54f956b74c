/** The bot's own short messages, in one table (the engine's messages live in src/answer/messages.ts). */
export const NOTICES = {
  rateLimited: (ms: number) => `操作太频繁了，请 ${Math.max(1, Math.ceil(ms / 1000))} 秒后再试。`,
  internalError: (id: string) =>
    `抱歉，处理时出了点问题（错误编号 ${id}）。请稍后再试；如果一直出现，请把编号告诉管理员。`,
  expiredButton: "这个按钮已过期，请重新提问。",
  malformedButton: "这个按钮无法识别（可能来自旧版本），请重新提问。",
  unknownCommand: (name: string) => `暂不支持 /${name} 命令（可能刚下线），输入 /help 查看可用命令。`,
  unsupported: "暂不支持这种操作，输入 /help 查看用法。",
  // Paging someone else's /ask: the page comes as the clicker's own private copy.
  othersQuery: "这是别人的查询：这一页只有你能看到。",
  quoteGone: "这条原文已经找不到了（报告可能已更新），请重新查询。",
  // The answer queue is full (a burst past what the workers can answer soon): said at once, privately.
  busy: "繁忙，请稍后再试。",
} as const;
