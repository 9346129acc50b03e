"""Settings from the environment and `.env`, validated once at start-up."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from tracker.fetch import Limits

TOKEN_RE = re.compile(r"^\d{1,20}:[A-Za-z0-9_-]{30,}$")
TOKEN_HELP = "Get a token from @BotFather in Telegram (/newbot) and put it in .env as TELEGRAM_BOT_TOKEN."


class ConfigError(Exception):
    """A setting is missing or malformed; the message is one line, safe to print."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str = "https://api.telegram.org/bot"
    database_url: str = "sqlite:///calledit.db"
    due_check_seconds: float = Field(default=60.0, gt=0)
    claim_lease_seconds: float = Field(default=120.0, gt=0)
    group_messages_per_minute: float = Field(default=20.0, gt=0)  # Telegram's limit per group
    messages_per_second: float = Field(default=27.5, gt=0)  # the whole bot's pace, shared by its workers
    redis_url: str | None = None  # a shared pace for several workers; without it they share the database
    shared_pace: bool = True  # off: each worker paces itself alone (only to measure the difference)
    log_format: str = "text"
    webhook_url: str | None = None
    webhook_listen: str = "0.0.0.0:8080"
    webhook_secret: SecretStr | None = None
    callback_secret: SecretStr | None = None  # signs inline buttons; generated and stored in the database if unset
    default_timezone: str = "UTC"
    log_level: str = "INFO"
    extractor: str = "rules"
    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: SecretStr | None = None
    fetch_max_bytes: int = Field(default=2_000_000, gt=0)  # a linked page larger than this is not read
    fetch_timeout_seconds: float = Field(default=20.0, gt=0)  # for the whole fetch, redirects included
    fetch_allow_private: bool = False  # let links reach private and loopback addresses (tests, intranets)
    fetch_allow_hosts: str = ""  # comma-separated host names let through whatever they resolve to
    links_per_minute: int = Field(default=10, gt=0)  # pages one chat may make the bot fetch in a minute
    feed_check_seconds: float = Field(default=60.0, gt=0)  # how often the feed job looks for due feeds
    feed_interval_seconds: int = Field(default=900, gt=0)  # how often one feed is polled
    feed_min_interval_seconds: int = Field(default=300, gt=0)  # the floor under that (tests lower both)

    @field_validator("default_timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown timezone {value!r} (use an IANA name such as Europe/Kyiv)") from exc
        return value

    @field_validator("log_level")
    @classmethod
    def _known_level(cls, value: str) -> str:
        value = value.upper()
        if value not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
        return value

    @field_validator("log_format")
    @classmethod
    def _known_format(cls, value: str) -> str:
        value = value.lower()
        if value not in {"text", "json"}:
            raise ValueError("LOG_FORMAT must be 'text' or 'json'")
        return value

    @field_validator("extractor")
    @classmethod
    def _known_extractor(cls, value: str) -> str:
        value = value.lower()
        if value not in {"rules", "llm"}:
            raise ValueError("EXTRACTOR must be 'rules' or 'llm'")
        return value

    def fetch_limits(self) -> Limits:
        hosts = frozenset(h.strip().lower() for h in self.fetch_allow_hosts.split(",") if h.strip())
        return Limits(max_bytes=self.fetch_max_bytes, timeout=self.fetch_timeout_seconds,
                      allow_private=self.fetch_allow_private, allow_hosts=hosts)

    def feed_interval(self) -> int:
        return max(self.feed_interval_seconds, self.feed_min_interval_seconds)

    def bot_token(self) -> str:
        """The token, checked for shape; raises ConfigError with a one-line hint, never echoing it."""
        if self.telegram_bot_token is None or not self.telegram_bot_token.get_secret_value().strip():
            raise ConfigError(f"TELEGRAM_BOT_TOKEN is not set. {TOKEN_HELP}")
        token = self.telegram_bot_token.get_secret_value().strip()
        if not TOKEN_RE.match(token):
            raise ConfigError(
                f"TELEGRAM_BOT_TOKEN does not look like a bot token (expected 123456:ABC-...). {TOKEN_HELP}"
            )
        return token


def load_settings() -> Settings:
    """Settings or a ConfigError whose message names the bad variable without its value."""
    try:
        return Settings()
    except ValidationError as exc:
        first = exc.errors()[0]
        name = str(first["loc"][0]).upper() if first.get("loc") else "a setting"
        raise ConfigError(f"{name}: {first['msg']}") from None
