"""``learned``: a kind of wording problem recognised by the language's wording model
(kb_tools.lint.wording_model) rather than by a listed phrase.

Options:
  kind       the kind of problem this rule reports: bureaucratic, legal-reference,
             blaming, condescending, passing-the-buck, robotic or flat-refusal.
  yields_to  the code of the phrase rule for the same kind: where it already found
             something in a sentence, this rule says nothing more about that sentence.

The model runs once per page for all kinds (the page context memoises it). A sentence is
reported as ``warning`` when the model's probability that it is faulty (1 - P(none))
reaches the model's warning threshold, and as ``info`` from its info threshold when a
model has a lower one (the shipped models have none: below the warning threshold they say
nothing). The finding underlines
the run of up to four words that weighed most toward the kind, and names them, so the
writer sees what to rephrase.
"""

from __future__ import annotations

from kb_tools.errors import InputError
from kb_tools.lint import wording_model
from kb_tools.lint.checks import Check, Finding
from kb_tools.lint.context import QUOTE
from kb_tools.lint.diagnostic import Severity

KINDS = ("bureaucratic", "legal-reference", "blaming", "condescending", "passing-the-buck", "robotic", "flat-refusal")
WINDOW = 4
"""Most words a finding underlines."""
MIN_WORDS = 4
"""Shorter sentences (labels, fragments) are not judged."""


class Learned(Check):
    name = "learned"
    options = ("kind", "yields_to")

    def __init__(self, options: dict, lang: str, where: str):
        super().__init__(options, lang, where)
        self.kind = self.choice(options, "kind", KINDS)
        self.yields_to = options.get("yields_to")
        if self.yields_to is not None and not isinstance(self.yields_to, str):
            raise InputError(where, None, "'yields_to' must be a rule code")

    def describe(self) -> str:
        model = wording_model.load(self.lang)
        if model is None:
            return "No model for this language yet."
        info = f", info from {model.info:.2f}" if model.info < model.warning else ""
        return f"Warns from a model probability of {model.warning:.2f}{info}."

    def prepare(self) -> None:
        wording_model.load(self.lang)

    def run(self, ctx):
        model = wording_model.load(ctx.lang)
        if model is None:
            return
        for prediction, sentence, tokens in ctx.memo("wording-model", lambda: _predict_page(ctx, model)):
            if prediction.kind != self.kind:
                continue
            first, last = _heaviest_window(prediction.weights)
            a, b = ctx.source_span(tokens[first].start, tokens[last].end)
            severity = Severity.WARNING if prediction.probability >= model.warning else Severity.INFO
            shown = ctx.source_text(a, b)
            yield Finding(a, b, {"words": shown, "probability": f"{prediction.probability:.0%}"}, severity=severity,
                          scope=ctx.source_span(*sentence))


def _predict_page(ctx, model) -> list:
    """(prediction, sentence span, words) for each sentence of the page's paragraphs past the gate.

    A sentence is judged with its neighbours too: one the model flags is reported only if
    it still flags it read together with the sentence after it, and with the one before
    it. "We can't change the date." followed by "I've booked you on Friday's
    delivery instead." is not a flat no, and "I'm sorry, that was our mistake." before
    "I've refunded the charge." is not a hollow apology: the model was trained on items of
    one to three sentences, and judges the pair as a reader would."""
    found = []
    text = ctx.text
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer ("İ"): offsets would shift
        lowered = None
    for block in ctx.normalized_blocks():
        if block.block.kind != "paragraph":
            continue
        spans = block.sentences
        cheap = [None] * len(spans)

        def tokens_of(k: int) -> list[str]:
            if cheap[k] is None:
                a, b = spans[k]
                cheap[k] = wording_model.lowered_tokens(lowered, a, b) if lowered is not None else wording_model.tokens(text[a:b])
            return cheap[k]

        scored = [None] * len(spans)

        def scores_of(k: int) -> list[float]:
            if scored[k] is None:
                scored[k] = model.scores(tokens_of(k))
            return scored[k]

        for k, (start, end) in enumerate(spans):
            own = tokens_of(k)
            if len(own) < MIN_WORDS or not model.passes_gate(own):
                continue  # nearly every sentence ends here
            if not model.warns(scores_of(k)):
                continue
            if k + 1 < len(spans) and not model.warns(model.joined(scores_of(k), own, scores_of(k + 1), tokens_of(k + 1))):
                continue
            if k > 0 and not model.warns(model.joined(scores_of(k - 1), tokens_of(k - 1), scores_of(k), own)):
                continue
            tokens = _unquoted(text, start, end, wording_model.words(text, start, end))
            if len(tokens) < MIN_WORDS:
                continue
            prediction = model.predict([t.text for t in tokens])
            if prediction is not None:
                found.append((prediction, (start, end), tokens))
    return found


def _unquoted(text: str, start: int, end: int, tokens: list) -> list:
    """``tokens`` less those between double quotes: a quoted phrase is mentioned, not used
    ('Avoid "we apologise for any inconvenience"'), as the phrase rules treat it."""
    marks = [m.start() for m in QUOTE.finditer(text, start, end)]
    if len(marks) < 2:
        return tokens
    spans = list(zip(marks[::2], marks[1::2]))
    return [t for t in tokens if not any(a < t.start < b for a, b in spans)]


def _heaviest_window(weights: list[float]) -> tuple[int, int]:
    """First and last index of the run of at most WINDOW words with the largest total weight."""
    best, span = float("-inf"), (0, 0)
    for i in range(len(weights)):
        total = 0.0
        for j in range(i, min(i + WINDOW, len(weights))):
            total += weights[j]
            if total > best:
                best, span = total, (i, j)
    return span
