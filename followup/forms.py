"""The forms of an action's page in a reporting round: one page, one submit, several parts.

- the report itself: the action's status and progress, the point d'étape;
- the executed amount of each of the action's budget lines of the round's year;
- the beneficiaries of the year, by sex, by place and by audience;
- a value for each period an indicator linked to the action still misses.

Every part carries the version it was loaded from (``shared.concurrency``): a part changed over
someone else's save is refused with a message naming them. ``ActionReportPage.is_valid`` checks
everything (the models' rules included) before ``save`` writes anything, both inside the caller's
transaction, so a refused page changes nothing.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from followup import rounds
from indicators import periods
from indicators import perms as indicator_perms
from indicators.enums import Rating
from indicators.models import Measurement
from shared.concurrency import stale_edit_error, version_token
from shared.form_fields import FrenchDecimalField, FrenchIntegerField
from shared.formatting import euros
from strategy import perms as strategy_perms
from strategy.models import ActionBeneficiaries, BeneficiariesByAudience, BudgetLine
from strategy.models.beneficiaries import PLACE_FIELDS, SEX_FIELDS

VERSION = "version"
#: The hidden input listing the indicator periods a page was rendered with.
VALUE_PERIODS = "value_periods"


def _version_field():
    return forms.CharField(widget=forms.HiddenInput, required=False)


def _count_field(label):
    return FrenchIntegerField(label=label, min_value=0, required=False)


def _refuse_if_stale(form, instance, token):
    """Add to ``form`` the error of a save over a newer version of ``instance``; True if refused."""
    error = stale_edit_error(instance, token)
    if error is not None:
        form.add_error(None, error)
        return True
    return False


class ReportForm(forms.Form):
    """The action's status and progress and the report's point d'étape."""

    status = forms.ChoiceField(label=gettext_lazy("Statut de l'action"))
    progress = FrenchIntegerField(
        label=gettext_lazy("Avancement (%)"),
        min_value=0,
        max_value=100,
        help_text=gettext_lazy("De 0 à 100."),
    )
    milestone_note = forms.CharField(
        label=gettext_lazy("Point d'étape"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=gettext_lazy(
            "Quelques lignes : ce qui a été fait sur la période, les difficultés, la suite."
        ),
    )
    action_version = _version_field()
    report_version = _version_field()

    ACTION_FIELDS = ("status", "progress")

    def __init__(self, *args, report, user, **kwargs):
        self.report, self.action = report, report.action
        initial = {
            "status": self.action.status,
            "progress": self.action.progress,
            "milestone_note": report.milestone_note,
            "action_version": version_token(self.action),
            "report_version": version_token(report),
        }
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["status"].choices = strategy_perms.status_choices_for(user, self.action)
        self.user = user

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        changed = set(self.changed_data)
        if changed & set(self.ACTION_FIELDS):
            refused = strategy_perms.refused_action_changes(
                self.user, self.action, {name: cleaned[name] for name in self.ACTION_FIELDS}
            )
            for field, message in refused:
                self.add_error(field if field in self.fields else None, message)
            if not refused:
                _refuse_if_stale(self, self.action, self.data.get(self.add_prefix("action_version")))
        if "milestone_note" in changed:
            _refuse_if_stale(self, self.report, self.data.get(self.add_prefix("report_version")))
        return cleaned

    def save(self):
        if set(self.changed_data) & set(self.ACTION_FIELDS):
            self.action.status = self.cleaned_data["status"]
            self.action.progress = self.cleaned_data["progress"]
            self.action.save()
        if "milestone_note" in self.changed_data:
            self.report.milestone_note = self.cleaned_data["milestone_note"]
            self.report.save(update_fields=["milestone_note", "updated_at"])


class BudgetLineForm(forms.Form):
    """The amount executed on one budget line of the year, the planned amount shown beside it."""

    executed_amount = FrenchDecimalField(min_value=0, max_digits=12, decimal_places=2)
    version = _version_field()

    def __init__(self, *args, line, **kwargs):
        self.line = line
        initial = {"executed_amount": line.executed_amount, VERSION: version_token(line)}
        super().__init__(*args, initial=initial, prefix=f"budget-{line.pk}", **kwargs)
        field = self.fields["executed_amount"]
        field.label = _("Réalisé — %(funder)s (€)") % {"funder": line.funder.name}
        field.help_text = _("Prévu : %(planned)s (%(stage)s). Écrire par exemple 12 500,50.") % {
            "planned": euros(line.planned_amount),
            "stage": line.get_stage_display(),
        }

    @property
    def planned(self):
        return euros(self.line.planned_amount)

    def clean(self):
        cleaned = super().clean()
        if not self.errors and self.has_changed() and "executed_amount" in self.changed_data:
            _refuse_if_stale(self, self.line, self.data.get(self.add_prefix(VERSION)))
        return cleaned

    def save(self):
        if "executed_amount" in self.changed_data:
            self.line.executed_amount = self.cleaned_data["executed_amount"]
            self.line.save()


class BeneficiariesForm(forms.Form):
    """The action's beneficiaries of the round's year, in total and broken down (each breakdown
    optional, none above the total: the model's constraints and ``refused_audience_counts``)."""

    total = _count_field(gettext_lazy("Nombre de bénéficiaires"))
    girls = _count_field(gettext_lazy("Filles"))
    boys = _count_field(gettext_lazy("Garçons"))
    sex_unknown = _count_field(gettext_lazy("Sexe non renseigné"))
    in_priority_area = _count_field(gettext_lazy("En quartier prioritaire (QPV)"))
    outside_priority_area = _count_field(gettext_lazy("Hors quartier prioritaire"))
    version = _version_field()

    COUNT_FIELDS = ("total", *SEX_FIELDS, *PLACE_FIELDS)

    def __init__(self, *args, action, year, row, **kwargs):
        self.action, self.year, self.row = action, year, row
        self.audiences = list(action.audiences.order_by("order", "name"))
        counts = {count.audience_id: count.count for count in self.row.by_audience.all()} if self.row else {}
        initial = {name: getattr(self.row, name) for name in self.COUNT_FIELDS} if self.row else {}
        initial[VERSION] = version_token(self.row)
        for audience in self.audiences:
            initial[self.audience_field(audience)] = counts.get(audience.pk)
        super().__init__(*args, initial=initial, prefix="beneficiaries", **kwargs)
        for audience in self.audiences:
            self.fields[self.audience_field(audience)] = _count_field(
                _("Public « %(audience)s »") % {"audience": audience.display_name}
            )

    @staticmethod
    def audience_field(audience):
        return f"audience_{audience.pk}"

    def audience_bound_fields(self):
        return [self[self.audience_field(audience)] for audience in self.audiences]

    def sex_bound_fields(self):
        return [self[name] for name in SEX_FIELDS]

    def place_bound_fields(self):
        return [self[name] for name in PLACE_FIELDS]

    def clean(self):
        cleaned = super().clean()
        if self.errors or not self.has_changed():
            return cleaned
        counts = {audience: cleaned.get(self.audience_field(audience)) for audience in self.audiences}
        given = [cleaned.get(name) for name in self.COUNT_FIELDS[1:]] + list(counts.values())
        if cleaned.get("total") is None:
            if self.row is not None or any(number is not None for number in given):
                self.add_error("total", _("Indiquer le nombre total de bénéficiaires de l'année."))
            return cleaned
        row = self.row or ActionBeneficiaries(action=self.action, year=self.year)
        for name in self.COUNT_FIELDS:
            setattr(row, name, cleaned.get(name))
        try:
            row.full_clean(exclude=["action"], validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                for message in messages:
                    self.add_error(field if field in self.fields else None, message)
        refused = row.refused_audience_counts(counts)
        if refused:
            first = self.audience_field(self.audiences[0]) if self.audiences else None
            self.add_error(first, refused)
        if self.errors:
            return cleaned
        token = self.data.get(self.add_prefix(VERSION))
        if token:
            if self.row is None:
                self.add_error(None, self._entered_meanwhile(None))
            else:
                _refuse_if_stale(self, self.row, token)
        elif self.row is not None:
            # The page was loaded before anyone counted this year's beneficiaries.
            self.add_error(None, self._entered_meanwhile(self.row))
        self.row_to_save, self.counts_to_save = row, counts
        return cleaned

    def _entered_meanwhile(self, row):
        latest = row.history.order_by("-history_date").first() if row is not None else None
        who = (
            str(latest.history_user) if latest is not None and latest.history_user else _("quelqu'un d'autre")
        )
        return _(
            "Les bénéficiaires de %(year)s ont été saisis ou supprimés par %(who)s pendant que vous "
            "remplissiez la fiche : rien n'a été enregistré. Rechargez la page, puis refaites vos "
            "modifications."
        ) % {"year": self.year, "who": who}

    def save(self):
        if not self.has_changed() or self.cleaned_data.get("total") is None:
            return
        row = self.row_to_save
        row.save()
        for audience, count in self.counts_to_save.items():
            if count is None:
                BeneficiariesByAudience.objects.filter(beneficiaries=row, audience=audience).delete()
            else:
                BeneficiariesByAudience.objects.update_or_create(
                    beneficiaries=row, audience=audience, defaults={"count": count}
                )


class MeasurementForm(forms.Form):
    """A value for one period an indicator still misses: a number, or for a qualitative indicator
    a rating and/or a comment. Left empty, nothing is recorded."""

    def __init__(self, *args, indicator, period, **kwargs):
        self.indicator, self.period = indicator, period
        super().__init__(*args, prefix=f"value-{indicator.pk}-{period}", **kwargs)
        if indicator.is_qualitative:
            self.fields["rating"] = forms.ChoiceField(
                label=_("Appréciation %(period)s") % {"period": period},
                choices=[("", "—"), *Rating.choices],
                required=False,
            )
            self.fields["comment"] = forms.CharField(
                label=_("Commentaire %(period)s") % {"period": period},
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
            )
        else:
            unit = f" ({indicator.unit})" if indicator.unit else ""
            self.fields["value"] = FrenchDecimalField(
                label=_("Valeur %(period)s%(unit)s") % {"period": period, "unit": unit},
                max_digits=14,
                decimal_places=2,
                required=False,
                help_text=_("Laisser vide si la valeur n'est pas connue. Écrire par exemple 1 234,5."),
            )

    def is_empty(self):
        return not any(self.cleaned_data.get(name) not in (None, "") for name in self.fields)

    def clean(self):
        cleaned = super().clean()
        if self.errors or self.is_empty():
            return cleaned
        measurement = Measurement(
            indicator=self.indicator,
            period=self.period,
            value=cleaned.get("value"),
            rating=cleaned.get("rating", ""),
            comment=cleaned.get("comment", ""),
        )
        try:
            # The unique constraint refuses a value someone else entered for the period meanwhile.
            measurement.full_clean(exclude=["entered_by", "validated_by"])
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                for message in messages:
                    self.add_error(field if field in self.fields else None, message)
        self.measurement = measurement
        return cleaned

    def save(self, user):
        if self.is_empty():
            return None
        self.measurement.record_entry(user, indicator_perms.status_of_entry(user, self.indicator))
        self.measurement.save()
        return self.measurement


class ActionReportPage:
    """All the forms of one action's page, checked together and saved together."""

    def __init__(self, report, user, data=None):
        self.report, self.user = report, user
        action, year = report.action, report.round.year
        self.report_form = ReportForm(data, report=report, user=user)
        lines = BudgetLine.objects.filter(action=action, year=year).select_related("funder")
        self.budget_forms = [BudgetLineForm(data, line=line) for line in lines.order_by("funder__name")]
        row = (
            ActionBeneficiaries.objects.filter(action=action, year=year)
            .prefetch_related("by_audience")
            .first()
        )
        self.beneficiaries_form = BeneficiariesForm(data, action=action, year=year, row=row)
        gaps = self._periods_asked(report, data)
        self.indicator_forms = [
            (indicator, [MeasurementForm(data, indicator=indicator, period=period) for period in missing])
            for indicator, missing in gaps
            if indicator_perms.can_enter_measurements_of(user, indicator)
        ]

    @staticmethod
    def _periods_asked(report, data):
        """The indicator periods the page asks: those missing now and, on a POST, those the page
        was rendered with (``VALUE_PERIODS``), so that a value someone else entered meanwhile is
        refused by the measurement's unique constraint rather than silently dropped."""
        round, action = report.round, report.action
        gaps = dict(rounds.indicator_gaps(round, [action.pk]))
        posted = (data or {}).get(VALUE_PERIODS, "").split()
        if posted:
            end = round.period_bounds[1]
            linked = {indicator.pk: indicator for indicator in action.indicators.select_related("strategy")}
            for entry in posted:
                pk, _sep, period = entry.partition(":")
                indicator = linked.get(int(pk)) if pk.isdigit() else None
                if indicator is None or period not in periods.owed_periods(
                    indicator.frequency, round.strategy, end
                ):
                    continue
                asked = next((known for known in gaps if known.pk == indicator.pk), indicator)
                gaps.setdefault(asked, [])
                if period not in gaps[asked]:
                    gaps[asked] = sorted([*gaps[asked], period])
        return sorted(gaps.items(), key=lambda item: item[0].code)

    @property
    def value_periods(self):
        """The text of the hidden input listing the periods shown: « 12:2024 12:2025 »."""
        return " ".join(
            f"{indicator.pk}:{form.period}" for indicator, forms_ in self.indicator_forms for form in forms_
        )

    @property
    def forms(self):
        measurement_forms = [form for _indicator, forms_ in self.indicator_forms for form in forms_]
        return [self.report_form, *self.budget_forms, self.beneficiaries_form, *measurement_forms]

    def is_valid(self):
        """Whether every part is valid and none overwrites a newer save; call inside the
        transaction that saves (the checked rows stay locked until it ends)."""
        return all([form.is_valid() for form in self.forms])  # every form, for every error shown

    @property
    def error_count(self):
        return sum(len(form.errors) for form in self.forms)

    def save(self, *, send):
        """Write every part, then record the report saved, or sent to coordination."""
        self.report_form.save()
        for form in self.budget_forms:
            form.save()
        self.beneficiaries_form.save()
        for _indicator, measurement_forms in self.indicator_forms:
            for form in measurement_forms:
                form.save(self.user)
        if send:
            rounds.send_report(self.report, self.user)
        else:
            rounds.mark_saved(self.report, self.user)
