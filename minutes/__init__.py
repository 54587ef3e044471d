"""Pure domain of Referatbot: minutes documents, Danish dates and Danish text. No I/O beyond reading files."""
