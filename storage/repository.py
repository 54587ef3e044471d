"""The repository facade: the store's use cases, grouped by what they are about.

``Repository`` composes one small store per concern (``.documents``, ``.followups``, ``.reminders``,
``.conversations``, ``.follows``, ``.cases``, ``.privacy``); each public method of those is one use case in one transaction. Sessions never
leave this package; callers get and give domain dataclasses.
"""

from __future__ import annotations

from storage.cases import CaseStore
from storage.conversations import ConversationStore
from storage.database import Database
from storage.documents import DocumentStore
from storage.followups import FollowUpStore
from storage.follows import FollowStore
from storage.privacy import PrivacyStore
from storage.reminders import ReminderStore
from storage.semantic import SemanticChannel


class Repository:
    """Every use case over one store. One instance per process; safe to share between tasks."""

    def __init__(self, database: Database, *, semantic: SemanticChannel | None = None) -> None:
        self.db = database
        self.documents = DocumentStore(database, semantic=semantic)
        self.followups = FollowUpStore(database)
        self.reminders = ReminderStore(database)
        self.conversations = ConversationStore(database)
        self.cases = CaseStore(database)
        # Topics are matched with ``ask``'s own search, so its ranking and gate apply to following too.
        self.follows = FollowStore(database, self.documents.search)
        self.privacy = PrivacyStore(database)
