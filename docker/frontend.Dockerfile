# syntax=docker/dockerfile:1
#
# Amtsplan frontend image: the built Angular app served by nginx (unprivileged, port 8080),
# which also forwards /api/ to the api service.
#
# Build context is the repository root:
#   docker build -f docker/frontend.Dockerfile -t localhost/amtsplan-frontend .
# BuildKit (the default builder of current Docker releases) is required; it also applies
# docker/frontend.Dockerfile.dockerignore.

ARG NODE_IMAGE=node:20-bookworm-slim
ARG NGINX_IMAGE=nginxinc/nginx-unprivileged:stable

# ---------------------------------------------------------------------------------------------
# deps: all dependencies from the lock file
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
RUN --mount=type=cache,target=/root/.npm \
    npm install --no-audit --no-fund

# ---------------------------------------------------------------------------------------------
# build: static files in dist/frontend/browser
# ---------------------------------------------------------------------------------------------
FROM deps AS build
COPY . .
RUN npx nx build frontend --output-style=static \
 && test -f dist/frontend/browser/index.html
# The Content-Security-Policy of nginx.conf allows no inline script. Inline event handlers in
# index.html (for example the onload="…" that Angular adds when it inlines critical CSS) would be
# blocked and leave the app unstyled, so the build stops here instead.
RUN if grep -Eiq '[[:space:]]on[a-z]+=' dist/frontend/browser/index.html; then \
      echo 'dist/frontend/browser/index.html contains an inline event handler, which the' >&2; \
      echo 'Content-Security-Policy blocks. Set "optimization": { "styles": { "inlineCritical": false } }' >&2; \
      echo 'in the production configuration of the frontend build.' >&2; \
      exit 1; \
    fi

# ---------------------------------------------------------------------------------------------
# runtime: nginx as uid 101
# ---------------------------------------------------------------------------------------------
FROM ${NGINX_IMAGE} AS runtime
LABEL org.opencontainers.image.title="Amtsplan frontend" \
      org.opencontainers.image.description="Amtsplan web app (nginx)" \
      org.opencontainers.image.licenses="AGPL-3.0-or-later"
# nginx.conf is rendered at start by the image's entrypoint (envsubst) into
# /etc/nginx/conf.d/default.conf. Only the variables matching the filter are substituted.
ENV AMTSPLAN_API_URL=http://api:3000 \
    NGINX_ENTRYPOINT_LOCAL_RESOLVERS=1 \
    NGINX_ENVSUBST_FILTER='^(AMTSPLAN_API_URL|NGINX_LOCAL_RESOLVERS)$' \
    NGINX_ENTRYPOINT_QUIET_LOGS=1
# The image's sample server must not answer next to ours.
RUN rm -f /etc/nginx/conf.d/default.conf
COPY docker/nginx.conf /etc/nginx/templates/default.conf.template
COPY --from=build /app/dist/frontend/browser /usr/share/amtsplan/browser
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
  CMD ["curl", "--fail", "--silent", "--output", "/dev/null", "http://127.0.0.1:8080/healthz"]
