"""dialogs layer of Referatbot (see ARCHITECTURE.md)."""
