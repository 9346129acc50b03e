"""Logging set-up that never lets a secret through."""

from __future__ import annotations

import json
import logging
import re

_TOKEN_RE = re.compile(r"\d{5,20}:[A-Za-z0-9_-]{30,}")


class RedactSecrets(logging.Filter):
    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def _clean(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "[redacted]")
        return _TOKEN_RE.sub("[redacted-token]", text)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = self._clean(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = self._clean(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object a line (LOG_FORMAT=json), for log collectors."""

    def format(self, record: logging.LogRecord) -> str:
        body = {"time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"), "level": record.levelname,
                "logger": record.name, "message": record.getMessage()}
        if record.exc_text:
            body["exception"] = record.exc_text
        return json.dumps(body, ensure_ascii=False)


def setup_logging(level: str, secrets: list[str], fmt: str = "text") -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if fmt == "json"
                         else logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # httpx logs every request URL, and the Bot API URL carries the token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)  # not two "setup plugin" lines on every start
    # A tick still busy with a large batch makes APScheduler skip the next one, by design; not worth a warning.
    logging.getLogger("apscheduler").setLevel(logging.ERROR)
