"""The Teams app package: ``manifest.json`` filled from the settings, zipped with its icons and language files.

``build_manifest(settings)`` fills the template in ``manifest/manifest.json``; ``build_package(settings, out)``
writes the zip that an administrator uploads in Teams (``referatbot package [--out FILE]``). Both refuse bad
configuration with a ``PackageError`` whose message (Danish, then English) names the setting to fix.
"""

from __future__ import annotations

import copy
import json
import os
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Any

from bot.settings import Settings

# Teams app manifest schema this package targets (the newest in the pinned npm package @microsoft/app-manifest).
MANIFEST_VERSION = "1.30"
DEFAULT_MANIFEST_DIR = Path(__file__).resolve().parent.parent / "manifest"
TEMPLATE_NAME = "manifest.json"

_GUID = re.compile(r"^[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
_NIL_GUID = "00000000-0000-0000-0000-000000000000"
# Teams wants MAJOR.MINOR.PATCH, numbers only (no pre-release or build suffix).
_VERSION = re.compile(r"^(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)\.(?:0|[1-9][0-9]*)$")
# A host name, optionally with a leading "*." wildcard and a port; no scheme, path or query.
_DOMAIN = re.compile(
    r"^(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?::[0-9]{1,5})?$"
)
_HTTPS_URL = re.compile(r"^https://[^\s/?#]+[^\s]*$", re.IGNORECASE)
_PLACEHOLDER = re.compile(r"\{\{[A-Za-z_]+\}\}")
_MAX_DOMAINS = 100
_MAX_DEVELOPER_NAME = 32
_MAX_URL = 2048
# Fixed timestamp for zip entries so the same configuration always gives the same bytes.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


class PackageError(ValueError):
    """The package cannot be built; the message says which setting or file to fix (Danish / English)."""


def _fail(danish: str, english: str) -> PackageError:
    return PackageError(f"{danish} / {english}")


def validate_app_id(app_id: str) -> str:
    """Return ``app_id`` in lower case if it is a non-nil GUID; raise ``PackageError`` otherwise."""
    value = app_id.strip()
    if not value:
        raise _fail(
            "MicrosoftAppId mangler: sæt den til bottens app-id (en GUID fra Azure Bot-registreringen)",
            "MicrosoftAppId is missing: set it to the bot's app id (a GUID from the Azure Bot registration)",
        )
    if not _GUID.match(value):
        raise _fail(
            f"MicrosoftAppId er ikke en GUID: {value!r} (forventet fx 12345678-90ab-cdef-1234-567890abcdef)",
            f"MicrosoftAppId is not a GUID: {value!r} (expected e.g. 12345678-90ab-cdef-1234-567890abcdef)",
        )
    if value == _NIL_GUID:
        raise _fail(
            "MicrosoftAppId er nul-GUID'en; brug bottens rigtige app-id",
            "MicrosoftAppId is the nil GUID; use the bot's real app id",
        )
    return value.lower()


def validate_version(version: str) -> str:
    """Return ``version`` if it is MAJOR.MINOR.PATCH (digits only); raise ``PackageError`` otherwise."""
    value = version.strip()
    if not _VERSION.match(value):
        raise _fail(
            f"REFERATBOT_APP_VERSION skal have formen MAJOR.MINOR.PATCH, fx 1.0.3, ikke {value!r}",
            f"REFERATBOT_APP_VERSION must look like MAJOR.MINOR.PATCH, e.g. 1.0.3, not {value!r}",
        )
    return value


def validate_domains(domains: tuple[str, ...]) -> list[str]:
    """Return the domains lower-cased without duplicates (order kept); raise ``PackageError`` on a bad one.

    A domain is a host name (``bot.example.dk``), optionally ``*.``-prefixed or with a port, never a URL.
    """
    result: list[str] = []
    for raw in domains:
        value = raw.strip().lower()
        if not _DOMAIN.match(value) or len(value) > 253:
            raise _fail(
                f"REFERATBOT_VALID_DOMAINS: {raw!r} er ikke et domænenavn"
                " (skriv fx bot.aarhus.dk, uden https:// og sti)",
                f"REFERATBOT_VALID_DOMAINS: {raw!r} is not a domain name"
                " (write e.g. bot.aarhus.dk, without https:// or path)",
            )
        if value not in result:
            result.append(value)
    if len(result) > _MAX_DOMAINS:
        raise _fail(
            f"REFERATBOT_VALID_DOMAINS har {len(result)} domæner; Teams tillader højst {_MAX_DOMAINS}",
            f"REFERATBOT_VALID_DOMAINS has {len(result)} domains; Teams allows at most {_MAX_DOMAINS}",
        )
    return result


def _developer(settings: Settings) -> dict[str, str]:
    name = settings.developer_name.strip()
    if not name or len(name) > _MAX_DEVELOPER_NAME:
        raise _fail(
            f"REFERATBOT_DEVELOPER_NAME skal være 1-{_MAX_DEVELOPER_NAME} tegn, ikke {name!r}",
            f"REFERATBOT_DEVELOPER_NAME must be 1-{_MAX_DEVELOPER_NAME} characters, not {name!r}",
        )
    urls = {
        "websiteUrl": ("REFERATBOT_WEBSITE_URL", settings.developer_website_url),
        "privacyUrl": ("REFERATBOT_PRIVACY_URL", settings.developer_privacy_url),
        "termsOfUseUrl": ("REFERATBOT_TERMS_URL", settings.developer_terms_url),
    }
    developer = {"name": name}
    for key, (variable, url) in urls.items():
        value = url.strip()
        if not _HTTPS_URL.match(value) or len(value) > _MAX_URL:
            raise _fail(
                f"{variable} skal være en https://-adresse, ikke {value!r}",
                f"{variable} must be an https:// URL, not {value!r}",
            )
        developer[key] = value
    return developer


def _load_template(manifest_dir: Path) -> dict[str, Any]:
    path = manifest_dir / TEMPLATE_NAME
    try:
        template = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise _fail(f"manifest-skabelonen mangler: {path}", f"the manifest template is missing: {path}") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _fail(
            f"manifest-skabelonen kan ikke læses: {path}: {exc}",
            f"cannot read the manifest template: {path}: {exc}",
        ) from None
    if not isinstance(template, dict) or template.get("manifestVersion") != MANIFEST_VERSION:
        raise _fail(
            f"{path} er ikke en manifest-skabelon til version {MANIFEST_VERSION}",
            f"{path} is not a manifest template for version {MANIFEST_VERSION}",
        )
    return template


def _unfilled(value: Any) -> list[str]:
    """Every ``{{PLACEHOLDER}}`` left anywhere in a JSON value."""
    if isinstance(value, str):
        return _PLACEHOLDER.findall(value)
    if isinstance(value, dict):
        return [p for item in value.values() for p in _unfilled(item)]
    if isinstance(value, list):
        return [p for item in value for p in _unfilled(item)]
    return []


def build_manifest(settings: Settings, manifest_dir: Path = DEFAULT_MANIFEST_DIR) -> dict[str, Any]:
    """The Teams manifest for ``settings``: the template with app id, bot id, version, developer, domains filled.

    ``id`` and ``bots[0].botId`` are both ``MicrosoftAppId``. Raises ``PackageError`` for a missing or non-GUID
    app id, a version that is not MAJOR.MINOR.PATCH, a malformed domain or developer URL, or a broken template.
    """
    app_id = validate_app_id(settings.app_id)
    version = validate_version(settings.app_version)
    domains = validate_domains(settings.valid_domains)
    developer = _developer(settings)

    manifest = copy.deepcopy(_load_template(manifest_dir))
    manifest["id"] = app_id
    manifest["version"] = version
    manifest["developer"] = developer
    manifest["validDomains"] = domains
    bots = manifest.get("bots")
    if not isinstance(bots, list) or len(bots) != 1 or not isinstance(bots[0], dict):
        raise _fail(
            f"{manifest_dir / TEMPLATE_NAME}: skabelonen skal have præcis én bot",
            f"{manifest_dir / TEMPLATE_NAME}: the template must declare exactly one bot",
        )
    bots[0]["botId"] = app_id

    left = _unfilled(manifest)
    if left:
        raise _fail(
            f"{manifest_dir / TEMPLATE_NAME}: ukendte pladsholdere {sorted(set(left))}",
            f"{manifest_dir / TEMPLATE_NAME}: unknown placeholders {sorted(set(left))}",
        )
    return manifest


def package_files(manifest: dict[str, Any]) -> list[str]:
    """Names of the files besides ``manifest.json`` that ``manifest`` refers to (icons, language files)."""
    names = [manifest["icons"]["color"], manifest["icons"]["outline"]]
    localization = manifest.get("localizationInfo", {})
    if "defaultLanguageFile" in localization:
        names.append(localization["defaultLanguageFile"])
    names.extend(language["file"] for language in localization.get("additionalLanguages", []))
    return names


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def build_package(settings: Settings, out: Path, manifest_dir: Path = DEFAULT_MANIFEST_DIR) -> Path:
    """Write the Teams app zip to ``out`` and return its path.

    The zip holds ``manifest.json`` (from ``build_manifest``) and the files it names, all at the zip root.
    If ``out`` is an existing folder the zip is written into it under ``settings.package_out``'s file name.
    The file is written to a temporary name and renamed, so a failure never leaves a half-written package.
    Raises ``PackageError`` for bad configuration, a missing icon or language file, or an unwritable ``out``.
    """
    manifest = build_manifest(settings, manifest_dir)
    target = out / settings.package_out.name if out.is_dir() else out

    contents: list[tuple[str, bytes]] = [
        ("manifest.json", (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    ]
    for name in package_files(manifest):
        if "/" in name or "\\" in name:
            raise _fail(
                f"{name!r}: filer i pakken skal ligge i roden af zip-filen",
                f"{name!r}: package files must sit at the root of the zip",
            )
        path = manifest_dir / name
        try:
            contents.append((name, path.read_bytes()))
        except OSError:
            raise _fail(f"filen til pakken mangler: {path}", f"a package file is missing: {path}") from None

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(prefix=".referatbot-", suffix=".zip.tmp", dir=target.parent)
    except OSError as exc:
        raise _fail(f"kan ikke skrive {target}: {exc}", f"cannot write {target}: {exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle, zipfile.ZipFile(handle, "w") as archive:
            for name, data in contents:
                archive.writestr(_entry(name), data)
        os.chmod(temp_name, 0o644)  # mkstemp creates 0600; the package is not a secret
        os.replace(temp_name, target)
    except OSError as exc:
        raise _fail(f"kan ikke skrive {target}: {exc}", f"cannot write {target}: {exc}") from None
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
    return target
