"""The MkDocs plugins' hooks called directly, as mkdocs' own plugin tests do."""

import logging

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kb_tools import catalog
from kb_tools.plugins.contacts.plugin import ContactsPlugin
from kb_tools.plugins.lint.plugin import LintPlugin
from tests.conftest import VALID_REGISTRY


@pytest.fixture
def config(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "contacts.yml").write_text(VALID_REGISTRY, encoding="utf-8")
    cfg = MkDocsConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
    cfg.load_dict({"site_name": "Test", "docs_dir": str(docs), "theme": {"name": "material", "language": "en"}})
    errors, _ = cfg.validate()
    assert not errors
    cfg.plugins._current_plugin = None  # set by MkDocs while it runs an event; File.generated reads it
    return cfg


def contacts_plugin(config, **options):
    plugin = ContactsPlugin()
    errors, _ = plugin.load_config(options)
    assert not errors
    plugin.on_config(config)
    return plugin


def page_for(config, src_uri, content):
    file = File.generated(config, src_uri, content=content)
    page = Page(None, file, config)
    page.read_source(config)
    return page, file


def test_bad_registry_stops_the_build_with_file_and_line(config, tmp_path):
    (tmp_path / "docs" / "contacts.yml").write_text(VALID_REGISTRY.replace("value: support@example.com", "value: nope"))
    with pytest.raises(PluginError, match=r"contacts\.yml:7: channel 'support-email': 'nope' is not an e-mail address"):
        contacts_plugin(config)


def test_contact_page_is_generated_and_registry_not_published(config, tmp_path):
    plugin = contacts_plugin(config)
    registry_file = File("contacts.yml", str(tmp_path / "docs"), config.site_dir, False)
    files = plugin._add_contact_page(Files([registry_file]), config=config)  # on_files runs both, at their priorities
    plugin._find_contact_page(files, config=config)
    assert files.get_file_from_path("contacts.yml") is None
    contact = files.get_file_from_path("contact.md")
    assert contact.generated_by and "{{ contacts }}" in contact.content_string
    assert plugin.contact_url == "contact/"


def test_shortcodes_expand_and_unknown_ids_name_their_line(config):
    plugin = contacts_plugin(config)
    page, file = page_for(config, "a.md", "---\ntitle: A\n---\n\nMail {{ contact.support-email }}; hours: {{ contact.support-email.hours }}.\n")
    out = plugin.on_page_markdown(page.markdown, page=page, config=config, files=Files([file]))
    assert '<a class="kb-contact kb-contact--email" href="mailto:support@example.com" dir="ltr">support@example.com</a>' in out
    assert "hours: Monday to Friday." in out
    page, file = page_for(config, "b.md", "---\ntitle: B\n---\n\nText.\n\nCall {{ contact.phone }}.\n")
    with pytest.raises(PluginError, match=r"b\.md:7: unknown contact id 'phone'"):
        plugin.on_page_markdown(page.markdown, page=page, config=config, files=Files([file]))


def test_contact_page_without_placeholder_gets_the_list_appended(config):
    plugin = contacts_plugin(config)
    page, file = page_for(config, "contact.md", "# Contact\n\nWe are here.\n")
    out = plugin.on_page_markdown(page.markdown, page=page, config=config, files=Files([file]))
    assert out.index("We are here.") < out.index('data-kb-channel="support-email"')


def test_json_ld_only_on_home_and_contact(config):
    plugin = contacts_plugin(config)
    home, _ = page_for(config, "index.md", "# Home\n")
    article, _ = page_for(config, "billing/refund.md", "---\ncontact: support-phone\n---\nText.\n")
    assert "kb_jsonld" in plugin.on_page_context({}, page=home, config=config, nav=None)
    context = plugin.on_page_context({}, page=article, config=config, nav=None)
    assert "kb_jsonld" not in context and context["kb_still_stuck"].id == "support-phone"


def lint_plugin(config, **options):
    """The plugin as `mkdocs serve` runs it: each page linted as it is built (a build lints in the background)."""
    plugin = LintPlugin()
    errors, _ = plugin.load_config(options)
    assert not errors
    plugin.on_startup(command="serve", dirty=False)
    plugin.on_config(config)
    plugin._add_reader(Files([]), config=config)  # on_files runs it, then source_pass.start_hook (in a build)
    return plugin


@pytest.mark.parametrize("fail_on,level", [("warning", logging.WARNING), ("error", logging.INFO), ("never", logging.INFO)])
def test_lint_findings_are_logged_at_the_level_fail_on_says(config, caplog, fail_on, level):
    plugin = lint_plugin(config, fail_on=fail_on)
    page, file = page_for(config, "a.md", "---\ntitle: A\n---\nPursuant to your request, hi.\n")
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        plugin.on_page_markdown(page.markdown, page=page, config=config, files=Files([file]))
    (record,) = [r for r in caplog.records if "KB101" in r.getMessage()]
    assert record.levelno == level
    assert record.getMessage().endswith("a.md:4:1: KB101 'Pursuant to' is officialese. Say what happens, in everyday words.")


def test_lint_plugin_rejects_bad_codes(config):
    plugin = LintPlugin()
    plugin.load_config({"select": ["K1"]})
    with pytest.raises(PluginError, match="'K1' is not a rule code"):
        plugin.on_config(config)


def test_catalog_groups_articles_under_categories():
    entries = [catalog.read_entry(uri, text, uri) for uri, text in [
        ("index.md", "---\ntitle: Home\n---\n"),
        ("billing/index.md", "---\ntitle: Billing\nweight: 2\n---\n"),
        ("account/index.md", "---\ntitle: Account\nweight: 1\n---\n"),
        ("billing/refund.md", "---\ntitle: How do I get a refund?\ndescription: Refunds.\n---\n"),
        ("billing/apple.md", "# Can I pay with Apple Pay?\n"),
        ("drafts/x.md", "# Not a category: no index\n"),
    ]]
    folders = catalog.build(entries)
    assert set(folders) == {"", "billing", "account"}
    assert [f.path for f in folders[""].subfolders] == ["account", "billing"]
    assert [a.title for a in folders["billing"].articles] == ["Can I pay with Apple Pay?", "How do I get a refund?"]
