"""Hosting: the aiohttp app, inbound request checks and authentication, Teams activity JSON <-> ``Turn``/``Reply``,
the Bot Connector client, proactive sending, the reminder scheduler and the CLI.

The only package that imports botbuilder or aiohttp (lint-imports checks it). See ARCHITECTURE.md at the
repository root.
"""
