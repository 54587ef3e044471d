"""The Teams app package: manifest against Microsoft's official schema, icons, zip layout, refusals.

The schema comes from the npm package ``@microsoft/app-manifest`` pinned in ``package.json``; run ``npm ci``
in the repository root first. Validation is offline: every ``$ref`` resolves inside the package.
"""

from __future__ import annotations

import copy
import importlib.util
import io
import json
import shutil
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from jsonschema import Draft4Validator
from PIL import Image
import attrs
from referencing import Registry, Resource, Specification
from referencing.exceptions import NoSuchResource
from referencing.jsonschema import DRAFT4, specification_with

from bot.package import MANIFEST_VERSION, PackageError, build_manifest, build_package
from bot.settings import Settings

REPO = Path(__file__).resolve().parent.parent
MANIFEST_DIR = REPO / "manifest"
NPM_PACKAGE = REPO / "node_modules" / "@microsoft" / "app-manifest"
SCHEMA_DIR = NPM_PACKAGE / "build" / "json-schemas" / "teams" / f"v{MANIFEST_VERSION}"
MANIFEST_SCHEMA = "MicrosoftTeams.schema.json"
LOCALIZATION_SCHEMA = "MicrosoftTeams.Localization.schema.json"
PINNED_VERSION = "1.1.2"
# The addresses manifests use in "$schema"; mapped to the local files so nothing is fetched.
SCHEMA_HOSTS = (
    "https://developer.microsoft.com/json-schemas/teams",
    "https://developer.microsoft.com/en-us/json-schemas/teams",
)

DRAFT4_URI = "http://json-schema.org/draft-04/schema"

APP_ID = "3f2b8c1e-7d4a-4e6b-9a0c-5d1e2f3a4b5c"
EXPECTED_FILES = {"manifest.json", "color.png", "outline.png", "da.json", "en.json"}
DANISH_COMMANDS = {"hvad blev besluttet om", "opfølgning", "mine opfølgninger", "næste møde", "påmind", "hjælp"}


def settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "app_id": APP_ID,
        "app_version": "1.2.3",
        "valid_domains": ("referatbot.aarhus.dk", "*.sundhed.aarhus.dk"),
    }
    values.update(overrides)
    return Settings(**values)


# --- the official schema, offline ---------------------------------------------------------------


def _refuse_download(uri: str) -> Resource[Any]:
    raise NoSuchResource(ref=uri)


def _draft4_id(contents: Any) -> str | None:
    # Draft 4 names a schema's base URI "id" -- and the Teams schema also has *properties* named "id".
    # referencing 0.37 reads such a property's subschema (a dict) as a URI while following pointers like
    # "#/properties/bots/items/properties/..." and crashes; a base URI is only ever a string.
    if not isinstance(contents, dict) or "$ref" in contents:
        return None
    value = contents.get("id")
    return value if isinstance(value, str) and not value.startswith("#") else None


DRAFT4_TEAMS: Specification[Any] = attrs.evolve(DRAFT4, id_of=_draft4_id)


@pytest.fixture(scope="module")
def registry() -> Registry[Any]:
    if not SCHEMA_DIR.is_dir():
        pytest.fail(
            f"Teams manifest schema not found at {SCHEMA_DIR}. Run `npm ci` in {REPO} "
            f"(installs @microsoft/app-manifest {PINNED_VERSION} from package-lock.json)."
        )
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        dialect = contents.get("$schema", "")
        spec = DRAFT4_TEAMS if dialect.startswith(DRAFT4_URI) else specification_with(dialect)
        resource = spec.create_resource(contents)
        for host in SCHEMA_HOSTS:
            resources.append((f"{host}/v{MANIFEST_VERSION}/{path.name}", resource))
    return Registry(retrieve=_refuse_download).with_resources(resources)


def _uri(name: str) -> str:
    return f"{SCHEMA_HOSTS[0]}/v{MANIFEST_VERSION}/{name}"


def _schema(registry: Registry[Any], name: str) -> dict[str, Any]:
    contents: dict[str, Any] = registry.contents(_uri(name))
    return contents


def _validator(registry: Registry[Any], name: str) -> Draft4Validator:
    schema = _schema(registry, name)
    assert schema["$schema"].startswith(DRAFT4_URI)
    # Structure only: the schema's patterns use ECMAScript "\p{L}", which Python's re cannot compile,
    # so the metaschema's "format": "regex" check would fail on Microsoft's (valid) schema.
    meta_errors = list(Draft4Validator(Draft4Validator.META_SCHEMA).iter_errors(schema))
    assert meta_errors == []
    # Enter through the registry so every $ref is resolved by DRAFT4_TEAMS, offline.
    return Draft4Validator({"$ref": _uri(name)}, registry=registry)


@pytest.fixture(scope="module")
def manifest_validator(registry: Registry[Any]) -> Draft4Validator:
    return _validator(registry, MANIFEST_SCHEMA)


@pytest.fixture(scope="module")
def localization_validator(registry: Registry[Any]) -> Draft4Validator:
    return _validator(registry, LOCALIZATION_SCHEMA)


def schema_errors(validator: Draft4Validator, document: Any) -> list[str]:
    return sorted(
        f"{'/'.join(map(str, e.absolute_path)) or '<root>'}: {e.message}" for e in validator.iter_errors(document)
    )


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


def test_pinned_npm_package_is_the_one_installed() -> None:
    declared = json.loads((REPO / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    assert declared["@microsoft/app-manifest"] == PINNED_VERSION
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    assert lock["packages"]["node_modules/@microsoft/app-manifest"]["version"] == PINNED_VERSION
    if not NPM_PACKAGE.is_dir():
        pytest.fail(f"{NPM_PACKAGE} missing. Run `npm ci` in {REPO}.")
    installed = json.loads((NPM_PACKAGE / "package.json").read_text(encoding="utf-8"))["version"]
    assert installed == PINNED_VERSION, f"node_modules has {installed}; run `npm ci`"


def test_manifest_version_is_the_newest_schema_in_the_npm_package() -> None:
    if not SCHEMA_DIR.is_dir():
        pytest.fail(f"{SCHEMA_DIR} missing. Run `npm ci` in {REPO}.")
    numbered = [p.name[1:] for p in SCHEMA_DIR.parent.iterdir() if p.name[1:].replace(".", "").isdigit()]
    newest = max(numbered, key=lambda v: tuple(int(part) for part in v.split(".")))
    assert MANIFEST_VERSION == newest
    assert tuple(int(part) for part in MANIFEST_VERSION.split(".")) >= (1, 22)


@pytest.mark.parametrize("name", [MANIFEST_SCHEMA, LOCALIZATION_SCHEMA])
def test_every_schema_ref_resolves_offline(registry: Registry[Any], name: str) -> None:
    uri = f"{SCHEMA_HOSTS[0]}/v{MANIFEST_VERSION}/{name}"
    refs = set(_refs(registry.contents(uri)))
    resolver = registry.resolver(base_uri=uri)
    for ref in sorted(refs):
        resolved = resolver.lookup(ref)  # raises if it would need the network
        assert isinstance(resolved.contents, dict), ref
    if name == MANIFEST_SCHEMA:
        assert refs, "the manifest schema uses $ref; resolving none would prove nothing"


# --- the generated manifest ---------------------------------------------------------------------


def test_generated_manifest_passes_the_official_schema(manifest_validator: Draft4Validator) -> None:
    manifest = build_manifest(settings())
    assert schema_errors(manifest_validator, manifest) == []


def test_generated_manifest_with_default_settings_passes_the_official_schema(
    manifest_validator: Draft4Validator,
) -> None:
    manifest = build_manifest(Settings.from_env({"MicrosoftAppId": APP_ID}))
    assert schema_errors(manifest_validator, manifest) == []
    assert manifest["version"] == "1.0.0"
    assert manifest["validDomains"] == []
    assert all(url.startswith("https://") for key, url in manifest["developer"].items() if key != "name")


def test_manifest_version_matches_the_schema_const(registry: Registry[Any]) -> None:
    # Draft 4 has no "const", so the validator does not check it; this test does.
    schema = _schema(registry, MANIFEST_SCHEMA)
    manifest = build_manifest(settings())
    assert manifest["manifestVersion"] == schema["properties"]["manifestVersion"]["const"]
    assert manifest["$schema"] == f"{SCHEMA_HOSTS[0]}/v{MANIFEST_VERSION}/{MANIFEST_SCHEMA}"


def test_manifest_takes_ids_version_and_domains_from_the_settings() -> None:
    manifest = build_manifest(
        settings(app_id=APP_ID.upper(), app_version="2.10.0", valid_domains=("Bot.Aarhus.dk", "bot.aarhus.dk"))
    )
    assert manifest["id"] == APP_ID
    assert manifest["bots"][0]["botId"] == APP_ID
    assert manifest["version"] == "2.10.0"
    assert manifest["validDomains"] == ["bot.aarhus.dk"]


def test_manifest_developer_comes_from_the_environment() -> None:
    env = {
        "MicrosoftAppId": APP_ID,
        "REFERATBOT_DEVELOPER_NAME": "MSO Digitalisering",
        "REFERATBOT_WEBSITE_URL": "https://example.aarhus.dk/referatbot",
        "REFERATBOT_PRIVACY_URL": "https://example.aarhus.dk/privatliv",
        "REFERATBOT_TERMS_URL": "https://example.aarhus.dk/vilkaar",
    }
    developer = build_manifest(Settings.from_env(env))["developer"]
    assert developer == {
        "name": "MSO Digitalisering",
        "websiteUrl": "https://example.aarhus.dk/referatbot",
        "privacyUrl": "https://example.aarhus.dk/privatliv",
        "termsOfUseUrl": "https://example.aarhus.dk/vilkaar",
    }


def test_bot_is_conversational_in_all_three_scopes_without_file_support() -> None:
    bot = build_manifest(settings())["bots"][0]
    assert set(bot["scopes"]) == {"personal", "team", "groupChat"}
    assert bot.get("supportsFiles", False) is False
    assert bot.get("isNotificationOnly", False) is False


def test_each_scope_has_one_danish_command_list() -> None:
    lists = build_manifest(settings())["bots"][0]["commandLists"]
    scopes = [scope for command_list in lists for scope in command_list["scopes"]]
    assert sorted(scopes) == sorted(["personal", "team", "groupChat"])
    by_scope = {cl["scopes"][0]: {c["title"] for c in cl["commands"]} for cl in lists}
    assert by_scope["personal"] == DANISH_COMMANDS
    # "mine opfølgninger" lists one person's assignments: offered only in the personal chat.
    for scope in ("team", "groupChat"):
        assert by_scope[scope] == DANISH_COMMANDS - {"mine opfølgninger"}
    for command_list in lists:
        for command in command_list["commands"]:
            assert command["description"].strip()


def test_manifest_is_danish_with_english_localization() -> None:
    manifest = build_manifest(settings())
    info = manifest["localizationInfo"]
    assert info["defaultLanguageTag"] == "da"
    assert info["defaultLanguageFile"] == "da.json"
    assert info["additionalLanguages"] == [{"languageTag": "en", "file": "en.json"}]
    assert "beslutninger" in manifest["description"]["short"]
    assert manifest["accentColor"].startswith("#")


# --- broken manifests are caught ----------------------------------------------------------------


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(manifest: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = manifest
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        node[int(last) if last.isdigit() else last] = value

    return mutate


def _delete(path: str) -> Callable[[dict[str, Any]], None]:
    def mutate(manifest: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = manifest
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        del node[last]

    return mutate


@pytest.mark.parametrize(
    "mutate",
    [
        _set("id", "referatbot"),
        _set("bots.0.botId", "not-a-guid"),
        _set("accentColor", "blå"),
        _set("bots.0.scopes", ["personal", "everyone"]),
        _set("name.short", "Referatbot der kender alle referater fra MSO"),
        _set("developer.privacyUrl", "ftp://aarhus.dk/privatliv"),
        _set("bots.0.supportsFiles", "nej"),
        _set("unknownField", True),
        _delete("developer"),
        _delete("icons"),
    ],
    ids=[
        "id-not-guid", "botId-not-guid", "accent-not-hex", "unknown-scope", "short-name-too-long",
        "privacy-url-not-http", "supportsFiles-not-bool", "unknown-property", "no-developer", "no-icons",
    ],
)
def test_schema_rejects_a_broken_manifest(
    manifest_validator: Draft4Validator, mutate: Callable[[dict[str, Any]], None]
) -> None:
    manifest = copy.deepcopy(build_manifest(settings()))
    mutate(manifest)
    assert schema_errors(manifest_validator, manifest) != []


def test_schema_refs_through_items_are_followed(manifest_validator: Draft4Validator) -> None:
    # bots[].configuration.team -> "#/properties/composeExtensions/items/properties/commands/items/..."
    manifest = copy.deepcopy(build_manifest(settings()))
    manifest["bots"][0]["configuration"] = {"team": {"fetchTask": "ja"}}
    errors = schema_errors(manifest_validator, manifest)
    assert errors and all("fetchTask" in error for error in errors)
    manifest["bots"][0]["configuration"] = {"team": {"fetchTask": True}}
    assert schema_errors(manifest_validator, manifest) == []


def test_a_broken_template_gives_a_package_the_schema_rejects(
    tmp_path: Path, manifest_validator: Draft4Validator
) -> None:
    broken_dir = tmp_path / "manifest"
    shutil.copytree(MANIFEST_DIR, broken_dir)
    template = json.loads((broken_dir / "manifest.json").read_text(encoding="utf-8"))
    template["bots"][0]["scopes"].append("meetings")  # not a bot scope
    (broken_dir / "manifest.json").write_text(json.dumps(template, ensure_ascii=False), encoding="utf-8")
    package = build_package(settings(), tmp_path / "app.zip", manifest_dir=broken_dir)
    with zipfile.ZipFile(package) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert any("meetings" in error for error in schema_errors(manifest_validator, manifest))


# --- refusals -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "app_id",
    [
        "",
        "   ",
        "referatbot",
        "3f2b8c1e7d4a4e6b9a0c5d1e2f3a4b5c",
        "{3f2b8c1e-7d4a-4e6b-9a0c-5d1e2f3a4b5c}",
        "3f2b8c1e-7d4a-4e6b-9a0c-5d1e2f3a4b5c0",
        "3f2b8c1e-7d4a-4e6b-9a0c-5d1e2f3a4b5g",
        "00000000-0000-0000-0000-000000000000",
    ],
)
def test_missing_or_non_guid_app_id_is_refused_with_a_clear_message(tmp_path: Path, app_id: str) -> None:
    with pytest.raises(PackageError, match="MicrosoftAppId") as caught:
        build_package(settings(app_id=app_id), tmp_path / "app.zip")
    message = str(caught.value)
    assert "\n" not in message and "Traceback" not in message
    assert ("mangler" in message) if not app_id.strip() else ("GUID" in message)
    assert list(tmp_path.iterdir()) == [], "nothing may be written when the package is refused"


@pytest.mark.parametrize("version", ["", "1", "1.0", "1.0.0-beta", "v1.0.0", "01.0.0", "1.0.0.0"])
def test_version_that_is_not_major_minor_patch_is_refused(version: str) -> None:
    with pytest.raises(PackageError, match="REFERATBOT_APP_VERSION"):
        build_manifest(settings(app_version=version))


@pytest.mark.parametrize("domain", ["https://bot.aarhus.dk", "bot.aarhus.dk/api", "*", "bot aarhus.dk", "-bot.dk"])
def test_malformed_valid_domain_is_refused(domain: str) -> None:
    with pytest.raises(PackageError, match="REFERATBOT_VALID_DOMAINS"):
        build_manifest(settings(valid_domains=("bot.aarhus.dk", domain)))


def test_developer_urls_must_be_https() -> None:
    with pytest.raises(PackageError, match="REFERATBOT_PRIVACY_URL"):
        build_manifest(settings(developer_privacy_url="http://www.aarhus.dk/privatliv"))


def test_missing_icon_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    broken_dir = tmp_path / "manifest"
    shutil.copytree(MANIFEST_DIR, broken_dir)
    (broken_dir / "outline.png").unlink()
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(PackageError, match="outline.png"):
        build_package(settings(), out_dir / "app.zip", manifest_dir=broken_dir)
    assert list(out_dir.iterdir()) == []


# --- the zip ------------------------------------------------------------------------------------


def test_package_zip_has_manifest_icons_and_languages_at_the_root(
    tmp_path: Path, manifest_validator: Draft4Validator, localization_validator: Draft4Validator
) -> None:
    out = tmp_path / "sub" / "referatbot.zip"
    returned = build_package(settings(), out)
    assert returned == out and out.is_file()

    with zipfile.ZipFile(out) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        assert set(names) == EXPECTED_FILES and len(names) == len(EXPECTED_FILES)
        assert all("/" not in name for name in names)
        raw = archive.read("manifest.json")
        assert not raw.startswith(b"\xef\xbb\xbf"), "Teams rejects a BOM"
        manifest = json.loads(raw.decode("utf-8"))
        assert manifest == build_manifest(settings())
        assert schema_errors(manifest_validator, manifest) == []
        assert {manifest["icons"]["color"], manifest["icons"]["outline"]} <= set(names)
        for language in ("da.json", "en.json"):
            assert schema_errors(localization_validator, json.loads(archive.read(language))) == []
        color = Image.open(io.BytesIO(archive.read("color.png")))
        outline = Image.open(io.BytesIO(archive.read("outline.png")))
    check_color_icon(color, manifest["accentColor"])
    check_outline_icon(outline)


def test_package_into_an_existing_folder_uses_the_configured_file_name(tmp_path: Path) -> None:
    path = build_package(settings(package_out=Path("teams-app.zip")), tmp_path)
    assert path == tmp_path / "teams-app.zip" and zipfile.is_zipfile(path)


def test_same_settings_give_byte_identical_packages(tmp_path: Path) -> None:
    first = build_package(settings(), tmp_path / "a.zip").read_bytes()
    second = build_package(settings(), tmp_path / "b.zip").read_bytes()
    assert first == second
    third = build_package(settings(app_version="1.2.4"), tmp_path / "c.zip").read_bytes()
    assert third != first


# --- localization files -------------------------------------------------------------------------


def _language(name: str) -> dict[str, str]:
    data: dict[str, str] = json.loads((MANIFEST_DIR / name).read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("name", ["da.json", "en.json"])
def test_language_file_passes_the_official_localization_schema(
    localization_validator: Draft4Validator, name: str
) -> None:
    data = _language(name)
    assert schema_errors(localization_validator, data) == []
    assert data["$schema"] == f"{SCHEMA_HOSTS[0]}/v{MANIFEST_VERSION}/{LOCALIZATION_SCHEMA}"


def test_localization_schema_rejects_a_broken_language_file(localization_validator: Draft4Validator) -> None:
    data = dict(_language("en.json"))
    data["bots[0].commandLists[3].commands[0].title"] = "no fourth command list exists"
    del data["description.short"]
    errors = schema_errors(localization_validator, data)
    assert len(errors) >= 2


def _localizable_strings(manifest: dict[str, Any]) -> dict[str, str]:
    strings = {
        "name.short": manifest["name"]["short"],
        "name.full": manifest["name"]["full"],
        "description.short": manifest["description"]["short"],
        "description.full": manifest["description"]["full"],
    }
    for i, command_list in enumerate(manifest["bots"][0]["commandLists"]):
        for j, command in enumerate(command_list["commands"]):
            strings[f"bots[0].commandLists[{i}].commands[{j}].title"] = command["title"]
            strings[f"bots[0].commandLists[{i}].commands[{j}].description"] = command["description"]
    return strings


def test_danish_language_file_matches_the_manifest_strings() -> None:
    expected = _localizable_strings(build_manifest(settings()))
    danish = {key: value for key, value in _language("da.json").items() if key != "$schema"}
    assert danish == expected


def test_english_language_file_translates_every_manifest_string() -> None:
    expected = _localizable_strings(build_manifest(settings()))
    english = {key: value for key, value in _language("en.json").items() if key != "$schema"}
    assert set(english) == set(expected)
    translated = [key for key in expected if english[key] != expected[key] and key != "name.short"]
    assert len(translated) == len(expected) - 1, "every string but the product name should be in English"


# --- icons --------------------------------------------------------------------------------------


def _hex_rgb(value: str) -> tuple[int, int, int]:
    return (int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16))


def check_color_icon(image: Image.Image, accent: str) -> None:
    assert image.format == "PNG"
    assert image.size == (192, 192)
    assert image.mode in ("RGB", "RGBA")
    rgba = image.convert("RGBA")
    assert rgba.getchannel("A").getextrema() == (255, 255), "the colour icon is full-bleed and opaque"
    colors = rgba.getcolors(maxcolors=192 * 192)
    assert colors is not None and len(colors) > 16, "a full-colour icon, not a flat tile"
    # The tile behind the glyph is the manifest's accent colour, so Teams' own backdrop matches it.
    for corner in ((0, 0), (191, 0), (0, 191), (191, 191)):
        assert rgba.getpixel(corner)[:3] == _hex_rgb(accent)


def check_outline_icon(image: Image.Image) -> None:
    assert image.format == "PNG"
    assert image.size == (32, 32)
    assert image.mode == "RGBA"
    pixels = [image.getpixel((x, y)) for y in range(image.height) for x in range(image.width)]
    visible = [p for p in pixels if p[3] > 0]
    assert visible and len(visible) < len(pixels) * 0.6, "white strokes on a mostly transparent field"
    assert all(p[:3] == (255, 255, 255) for p in visible), "outline icon must be white only"
    assert sum(1 for p in pixels if p[3] == 255) >= 40, "some strokes must be fully opaque"
    for corner in ((0, 0), (31, 0), (0, 31), (31, 31)):
        assert image.getpixel(corner)[3] == 0


def test_committed_color_icon_is_192_full_colour_on_the_accent() -> None:
    accent = json.loads((MANIFEST_DIR / "manifest.json").read_text(encoding="utf-8"))["accentColor"]
    with Image.open(MANIFEST_DIR / "color.png") as image:
        image.load()
        check_color_icon(image, accent)


def test_committed_outline_icon_is_32_white_on_transparent() -> None:
    with Image.open(MANIFEST_DIR / "outline.png") as image:
        image.load()
        check_outline_icon(image)


def test_icon_checks_reject_a_non_white_outline() -> None:
    grey = Image.new("RGBA", (32, 32), (0, 0, 0, 0))
    for x in range(8, 24):
        for y in range(8, 24):
            grey.putpixel((x, y), (128, 128, 128, 255))
    buffer = io.BytesIO()
    grey.save(buffer, format="PNG")
    with pytest.raises(AssertionError, match="white only"):
        check_outline_icon(Image.open(io.BytesIO(buffer.getvalue())))


def _icon_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_icons", REPO / "tools" / "make_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_icon_generator_reproduces_the_committed_icons(tmp_path: Path) -> None:
    color_path, outline_path = _icon_tool().write_icons(tmp_path)
    pairs = ((color_path, MANIFEST_DIR / "color.png"), (outline_path, MANIFEST_DIR / "outline.png"))
    for generated, committed in pairs:
        with Image.open(generated) as new, Image.open(committed) as old:
            assert new.size == old.size and new.mode == old.mode
            assert new.tobytes() == old.tobytes(), f"{committed.name} is stale: run python tools/make_icons.py"
