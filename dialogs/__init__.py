"""What the bot understands and says: a ``Turn`` in, a ``Reply`` out (recognizer, typed slots, handlers, the
text catalogue per language, Adaptive Cards, what the scheduler sends). Never botbuilder or aiohttp.

See ARCHITECTURE.md at the repository root.
"""
