import datetime
import re
from decimal import Decimal

import pytest

from pelatihan import legal, rulebooks
from pelatihan.provenance import Status
from pelatihan.rulebooks import OpenFigureError, PhaseRule, UnknownFigureError
from pelatihan.training import Method, PhaseKind, Setting


def test_every_regime_has_a_shipped_rulebook_with_its_own_id() -> None:
    for regime in legal.regimes():
        assert rulebooks.get(regime.id).regime == regime.id


def test_unknown_regime_id_raises_lookup_error() -> None:
    with pytest.raises(legal.UnknownInstrumentError):
        rulebooks.get("perlan-7-2030")


def test_every_figure_has_a_status_and_non_reg_figures_say_where_or_why() -> None:
    for book in rulebooks.all_rulebooks():
        for path, figure in book.figures().items():
            assert isinstance(figure.status, Status), path
            if figure.status in (Status.SEC,) and figure.value is not None:
                assert figure.source or figure.note, (book.id, path)
            if figure.status is Status.INF:
                assert figure.note, (book.id, path)  # an inference states its reasoning


def test_every_citation_in_a_rulebook_names_a_known_instrument() -> None:
    for book in rulebooks.all_rulebooks():
        for path, figure in book.figures().items():
            if figure.basis is not None:
                assert legal.find(figure.basis.instrument) is not None, (book.id, path)


def test_perlan_12_2018_classroom_is_51_days_21_in_class_30_out() -> None:
    rules = rulebooks.get("perlan-12-2018").method("klasikal")
    assert (rules.days_total.value, rules.days_in_class.value, rules.days_out_of_class.value) == (
        51,
        21,
        30,
    )
    in_class = sum(p.days.value or 0 for p in rules.phases if p.setting is Setting.IN_CLASS)
    out = sum(p.days.value or 0 for p in rules.phases if p.setting is Setting.OUT_OF_CLASS)
    assert (in_class, out) == (21, 30)  # the planned split adds up to the totals


def test_perlan_12_2018_provides_only_classroom_delivery() -> None:
    book = rulebooks.get("perlan-12-2018")
    assert book.method("klasikal").available.value
    assert not book.method("blended").available.value
    assert not book.method("distance").available.value


def test_perlan_1_2021_blended_is_mooc_elearning_habituasi_klasikal_74_days_647_jp() -> None:
    for regime in ("perlan-1-2021", "perlan-1-2021+10-2021"):
        rules = rulebooks.get(regime).method(Method.BLENDED)
        assert [(p.kind, p.days.value) for p in rules.phases] == [
            (PhaseKind.MOOC, 16),
            (PhaseKind.ELEARNING, 22),
            (PhaseKind.HABITUASI, 30),
            (PhaseKind.KLASIKAL, 6),
        ]
        assert rules.days_total.value == 74 == sum(p.days.value or 0 for p in rules.phases)
        assert rules.jp_total.value == 647
        assert rules.days_in_class.value == 6
        assert rules.days_out_of_class.value == 68
        assert rules.days_out_of_class.status is Status.INF


def test_perlan_1_2021_classroom_has_511_jp_and_open_days() -> None:
    rules = rulebooks.get("perlan-1-2021").method("klasikal")
    assert rules.jp_total.value == 511
    assert rules.days_total.value is None
    assert rules.days_total.status is Status.OPEN
    assert all(p.days.status is Status.OPEN for p in rules.phases)


def test_classroom_approval_from_2024_is_regulation_text_in_the_2021_guideline() -> None:
    base = rulebooks.get("perlan-1-2021").klasikal_approval_from
    amended = rulebooks.get("perlan-1-2021+10-2021").klasikal_approval_from
    assert base.value == amended.value == datetime.date(2024, 1, 1)
    assert base.status is Status.REG
    assert amended.status is Status.OPEN  # whether the 2022 guideline keeps it is open


def test_evaluation_academic_weight_is_regulation_text_and_other_weights_are_open() -> None:
    book = rulebooks.get("perlan-1-2021+10-2021")
    evaluation = book.evaluation
    academic = dict(evaluation.group_weights)["academic"]
    assert (academic.value, academic.status) == (20, Status.REG)
    assert book.figure("evaluation.components.type_a.weight").status is Status.REG
    assert book.figure("evaluation.components.attitude.weight").value is None
    assert book.figure("evaluation.components.actualisation.weight").value is None
    assert evaluation.pass_mark.value == Decimal("70.01")


@pytest.mark.parametrize("book", rulebooks.all_rulebooks(), ids=lambda book: book.id)
def test_the_academic_group_weighs_what_its_components_of_each_method_add_up_to(
    book: rulebooks.Rulebook,
) -> None:
    groups = dict(book.evaluation.group_weights)
    for rules in book.methods:
        if not rules.available.value or "academic" not in groups:
            continue
        parts = [p for p in book.evaluation.of(rules.method) if p.group == "academic"]
        assert sum(p.weight.value or 0 for p in parts) == groups["academic"].value


def test_2025_evaluation_has_five_reported_components_that_add_up_to_100() -> None:
    book = rulebooks.get("perlan-1-2021+10-2021+kep-2024")
    for method in ("klasikal", "blended", "distance"):
        parts = book.evaluation.of(method)
        assert sum(p.weight.value or 0 for p in parts) == 100
    weights = {p.key: p.weight for p in book.evaluation.of("blended")}
    assert {key: figure.value for key, figure in weights.items()} == {
        "mooc_test": 10,
        "elearning_test": 10,
        "actualisation_plan": 20,
        "actualisation_results": 30,
        "attitude": 15,
        "technical_competence": 15,
    }
    assert dict(book.evaluation.group_weights)["academic"].status is Status.SEC
    assert weights["mooc_test"].status is Status.INF  # the 10 + 10 split of 2022, assumed
    for key in ("actualisation_plan", "actualisation_results", "attitude", "technical_competence"):
        assert weights[key].status is Status.SEC
        assert weights[key].source
    assert "https://bdksurabaya-kemenag.id/?p=5477" in (
        weights["actualisation_results"].source or ""
    )


def test_every_sec_evaluation_figure_says_where_it_was_read() -> None:
    for book in rulebooks.all_rulebooks():
        for path, figure in book.figures().items():
            if path.startswith("evaluation.") and figure.status is Status.SEC:
                assert figure.source, path


def test_older_regimes_keep_attitude_and_actualisation_open_and_the_2025_band_table_inferred() -> (
    None
):
    for regime in ("perlan-12-2018", "perlan-1-2021", "perlan-1-2021+10-2021"):
        book = rulebooks.get(regime)
        for key in ("attitude", "actualisation"):
            figure = book.figure(f"evaluation.components.{key}.weight")
            assert (figure.value, figure.status) == (None, Status.OPEN)
        band = book.figure("evaluation.bands.ditunda_kelulusannya")
        assert (band.value, band.status) == (Decimal(60), Status.INF)
    band = rulebooks.get("perlan-1-2021+10-2021+kep-2024").figure(
        "evaluation.bands.ditunda_kelulusannya"
    )
    assert (band.value, band.status) == (Decimal(60), Status.SEC)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("evaluation.attitude_weight", "evaluation.components.attitude.weight"),
        ("evaluation.academic_parts.klasikal.type_a", "evaluation.components.type_a.weight"),
        ("evaluation.bands.kurang_memuaskan", "evaluation.bands.ditunda_kelulusannya"),
        ("evaluation.appointment_months_after", "evaluation.appointment_after_probation"),
    ],
)
def test_a_renamed_figure_path_is_refused_with_its_new_name(old: str, new: str) -> None:
    with pytest.raises(rulebooks.UnknownFigureError, match=re.escape(repr(new))):
        rulebooks.get("perlan-1-2021").variant("x", {old: 1})
    assert new in rulebooks.get("perlan-1-2021").figures()


def test_amended_rulebook_rewords_agenda_3() -> None:
    agenda = rulebooks.get("perlan-1-2021+10-2021").agendas[2]
    assert agenda.name.value is not None
    assert "smart governance" in agenda.name.value
    assert agenda.name.status is Status.REG
    assert rulebooks.get("perlan-1-2021").agendas[2].name.value is None


def test_figure_paths_are_unique_and_resolvable() -> None:
    book = rulebooks.get("perlan-1-2021+10-2021")
    figures = book.figures()
    for path, figure in figures.items():
        assert book.figure(path) == figure
    with pytest.raises(UnknownFigureError):
        book.figure("methods.blended.nonsense")


def test_variant_overrides_the_named_figures_and_the_sums_of_changed_phases() -> None:
    base = rulebooks.get("perlan-12-2018")
    mine = base.variant(
        "bpsdm-x-2019",
        {"methods.klasikal.phases[0].days": 17, "cohort_size_max": 35},
        source="SK Kepala BPSDM X",
        note="approved variant",
    )
    before, after = base.figures(), mine.figures()
    changed = {path for path in before if before[path] != after[path]}
    sums = {
        "methods.klasikal.days_total",
        "methods.klasikal.days_in_class",
        "methods.klasikal.kind_days.klasikal.days",
    }
    assert changed == {"methods.klasikal.phases[0].days", "cohort_size_max"} | sums
    # the totals that sum the changed phase follow it, so a plan of the variant passes its checks
    assert [after[path].value for path in sorted(sums)] == [20, 50, 20]
    assert all(after[path].status is Status.USER for path in sums)
    assert after["cohort_size_max"].value == 35
    assert after["cohort_size_max"].status is Status.USER
    assert after["cohort_size_max"].source == "SK Kepala BPSDM X"
    assert (
        after["methods.klasikal.phases[0].days"].basis
        == before["methods.klasikal.phases[0].days"].basis
    )
    assert (mine.id, mine.parent, mine.regime) == ("bpsdm-x-2019", "perlan-12-2018", base.regime)


def test_variant_index_paths_do_not_touch_similar_prefixes() -> None:
    base = rulebooks.get("perlan-1-2021")
    mine = base.variant("v", {"methods.blended.phases[1].days": 20})
    assert [p.days.value for p in mine.method("blended").phases] == [16, 20, 30, 6]


def test_variant_replaces_a_whole_phase_sequence() -> None:
    base = rulebooks.get("perlan-1-2021")
    mine = base.variant(
        "v",
        {
            "methods.klasikal.phases": [
                ("klasikal", 10),
                PhaseRule(PhaseKind.HABITUASI, base.method("blended").phases[2].days),
            ]
        },
    )
    phases = mine.method("klasikal").phases
    assert [(p.kind, p.days.value) for p in phases] == [
        (PhaseKind.KLASIKAL, 10),
        (PhaseKind.HABITUASI, 30),
    ]
    assert phases[0].days.status is Status.USER


def test_variant_with_unknown_path_raises() -> None:
    with pytest.raises(UnknownFigureError) as caught:
        rulebooks.get("perlan-1-2021").variant("v", {"methods.blended.days": 70})
    assert caught.value.value == "methods.blended.days"


def test_open_figure_error_is_a_validation_error() -> None:
    assert issubclass(OpenFigureError, ValueError)


def test_totals_follow_phases_changed_in_steps_but_keep_a_total_the_user_gave() -> None:
    base = rulebooks.get("perlan-1-2021+10-2021+kep-2024")
    once = base.variant("a", {"methods.blended.phases[0].days": 14})
    twice = once.variant("b", {"methods.blended.phases[1].days": 21})
    assert twice.figure("methods.blended.days_total").value == 14 + 21 + 30 + 3
    assert twice.figure("methods.blended.kind_days.elearning.days").value == 21
    given = base.variant("c", {"methods.blended.days_total": 70})
    then = given.variant("d", {"methods.blended.phases[0].days": 14})
    assert then.figure("methods.blended.days_total").value == 70
    assert then.figure("methods.blended.days_out_of_class").value == 64
