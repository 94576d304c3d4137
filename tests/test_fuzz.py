"""A few hundred generated inputs of the kinds writers produce (tests/fuzz_cases.py): no crash, no hang.
bench/fuzz.py runs the same properties on tens of thousands."""

from hypothesis import HealthCheck, given, settings

from tests import fuzz_cases

SETTINGS = settings(max_examples=150, deadline=2000, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@SETTINGS
@given(fuzz_cases.MARKDOWN)
def test_kb_lint_never_crashes(text):
    fuzz_cases.lint(text)


@SETTINGS
@given(fuzz_cases.NESTED)
def test_deep_nesting_is_linted(text):
    fuzz_cases.lint(text)


@SETTINGS
@given(fuzz_cases.REGISTRY)
def test_the_registry_loader_answers_with_a_registry_or_one_error(text):
    fuzz_cases.load_registry(text)


@SETTINGS
@given(fuzz_cases.MARKDOWN)
def test_the_search_index_builder_never_crashes(text):
    fuzz_cases.build_index(text)
