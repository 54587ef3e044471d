"""bot layer of Referatbot (see ARCHITECTURE.md)."""
