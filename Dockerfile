# 政报通 as a container: the gateway bot (`npm start`, the default command) or the HTTP interactions
# endpoint (`docker run … node dist/service/http-main.js`). Multi-stage: the build stage installs
# everything, compiles dist/ (npm ci runs `prepare`) and builds the SQLite store from corpus/ with
# `npm run index`; the runtime stage keeps production dependencies, dist/, corpus/ and the store, and
# runs as the unprivileged `node` user. The store is read-only at run time and fresh for this code and
# corpus, so the container starts without building anything. See docs/DISCORD.md ("Docker").
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV ZHENGBAO_STORE=/app/store/zhengbao.db
COPY . .
RUN npm ci && npm run index && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    ZHENGBAO_STORE=/app/store/zhengbao.db \
    PORT=8080
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/corpus ./corpus
COPY --from=build /app/store ./store
USER node
# 8080: the HTTP interactions endpoint (PORT); 9464: /healthz, /readyz, /metrics when METRICS_PORT=9464.
EXPOSE 8080 9464
# Exec form: node is PID 1 and handles SIGTERM itself (a graceful stop: answers in flight finish).
CMD ["node", "dist/main.js"]
