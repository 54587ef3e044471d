"""storage layer of Referatbot (see ARCHITECTURE.md)."""
