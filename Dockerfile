# One Promptuary app replica, built with the commands CI runs (.ci/run): scripts/ci/install-dependencies.sh
# (`npm ci`) and `npm run build`; it runs what `npm start` runs. Stateless apart from DATA_DIR (the
# capture spool, and the embedded database when there is no DATABASE_URL): give every replica its
# own volume there. README "Deployment" lists the environment; compose.yaml runs two replicas
# behind nginx with PostgreSQL (pgvector) and Inngest.
FROM node:20-bookworm

ENV NEXT_TELEMETRY_DISABLED=1 \
    CI=true
WORKDIR /app
RUN mkdir -p /data && chown node:node /app /data
USER node

# All sources first: the postinstall of `npm ci` (prisma generate) reads prisma/ and scripts/.
COPY --chown=node:node . .
RUN scripts/ci/install-dependencies.sh && npm run build && npm cache clean --force

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
VOLUME ["/data"]
EXPOSE 3000

# `npm start` is `node --import tsx server.ts` (it builds first only if the sources are newer than
# the build, which they are not here). Run without npm: npm does not pass on the SIGTERM of
# `docker stop`, and the server's orderly stop (calls in flight finish, the spool is written) needs it.
CMD ["node", "--import", "tsx", "server.ts"]
