# calledit: one bot worker. Several of these behind a load balancer need PostgreSQL and webhook mode.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
COPY pyproject.toml README.md alembic.ini ./
COPY tracker ./tracker
COPY bot ./bot
COPY jobs ./jobs
COPY calledit ./calledit
COPY seeds ./seeds
RUN pip install ".[postgres]" && useradd --create-home calledit
USER calledit
# SQLite by default (a volume at /data); set DATABASE_URL=postgresql+psycopg://… for PostgreSQL.
ENV DATABASE_URL=sqlite:////data/calledit.db
VOLUME ["/data"]
EXPOSE 8080
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import os,urllib.request; os.environ.get('WEBHOOK_URL') and urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=4)" || exit 1
ENTRYPOINT ["calledit"]
CMD ["run"]
