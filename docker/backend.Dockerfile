# syntax=docker/dockerfile:1
#
# Amtsplan backend image: one image for the HTTP api, the queue worker and the CLI.
#
#   api (default):  docker run … localhost/amtsplan-backend
#   worker:         docker run … localhost/amtsplan-backend dist/backend/worker.js
#   migrations:     docker run … localhost/amtsplan-backend dist/backend/cli.js migrate
#
# Build context is the repository root:
#   docker build -f docker/backend.Dockerfile -t localhost/amtsplan-backend .
# BuildKit (the default builder of current Docker releases) is required; it also applies
# docker/backend.Dockerfile.dockerignore.

# Debian-based (glibc): argon2 ships prebuilt binaries for glibc; no compiler needed.
ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------------------------
# deps: all dependencies (including build tools) from the lock file
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS deps
# A registry mirror can be passed with --build-arg NPM_CONFIG_REGISTRY=https://…/
ARG NPM_CONFIG_REGISTRY
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true \
    NX_SKIP_NX_CACHE=true \
    NG_CLI_ANALYTICS=false \
    SCARF_ANALYTICS=false \
    NPM_CONFIG_UPDATE_NOTIFIER=false
WORKDIR /app
COPY package.json package-lock.json ./
# `npm install` respects the lock file; `npm ci` is not used because the lock file may lack
# optional binaries of other platforms.
RUN --mount=type=cache,target=/root/.npm \
    npm install --no-audit --no-fund

# ---------------------------------------------------------------------------------------------
# build: bundle api.js, worker.js and cli.js into dist/backend
# ---------------------------------------------------------------------------------------------
FROM deps AS build
COPY . .
RUN npx nx build backend --output-style=static \
 && test -f dist/backend/api.js \
 && test -f dist/backend/worker.js \
 && test -f dist/backend/cli.js

# ---------------------------------------------------------------------------------------------
# prod-deps: node_modules without devDependencies (the bundles keep packages external)
# ---------------------------------------------------------------------------------------------
FROM deps AS prod-deps
ARG NPM_CONFIG_REGISTRY
RUN npm prune --omit=dev --no-audit --no-fund

# ---------------------------------------------------------------------------------------------
# runtime
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="Amtsplan backend" \
      org.opencontainers.image.description="Amtsplan api, worker and CLI" \
      org.opencontainers.image.licenses="AGPL-3.0-or-later"
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
# Code and dependencies belong to root and are read-only for the process user.
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist/backend ./dist/backend
# Uploaded images: the only place the process writes; mounted as a volume (see compose.yaml).
RUN mkdir -p /var/lib/amtsplan/media && chown node:node /var/lib/amtsplan/media
ENV MEDIA_DIR=/var/lib/amtsplan/media
# "node" (uid 1000) is the unprivileged user of the official Node.js image.
USER node
EXPOSE 3000
# For the api only; the worker and the migration job override or disable it (see compose.yaml).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node"]
CMD ["dist/backend/api.js"]
